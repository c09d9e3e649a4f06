// iCalendar (RFC 5545) of the programme: one VEVENT per workshop with a UID from its id, so subscribed calendars update it.
import { utcStamp, type ScheduleModel } from './schedule-model';

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
	const out: string[] = [];
	let current = '';
	let bytes = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch);
		if (bytes + size > (out.length === 0 ? 75 : 74)) {
			out.push(current);
			current = '';
			bytes = 0;
		}
		current += ch;
		bytes += size;
	}
	out.push(current);
	return out.join('\r\n ');
}

const utcOf = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** Seconds since 2000-01-01 (fits a 32-bit integer until 2068): a later change always carries a higher SEQUENCE (RFC 5545 §3.8.7.4). */
const SEQUENCE_EPOCH_MS = Date.UTC(2000, 0, 1);
const sequenceOf = (updatedMs: number) => Math.max(0, Math.floor((updatedMs - SEQUENCE_EPOCH_MS) / 1000));

/** `calendarName` names a personal feed (« Mon programme — … ») instead of the edition's. */
export function renderICalendar(model: ScheduleModel, now: number, calendarName = model.edition.title): string {
	const tz = model.edition.timezone;
	const stamp = utcOf(now);
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MédiaLab//Programme//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(calendarName)}`, `X-WR-TIMEZONE:${tz}`];
	for (const day of model.days) {
		for (const events of day.rooms.values()) {
			for (const e of events) {
				const w = e.workshop;
				const updated = Date.parse(w.updatedAt ?? '');
				lines.push(
					'BEGIN:VEVENT',
					`UID:workshop-${w.id}@medialab`,
					`DTSTAMP:${stamp}`,
					...(Number.isNaN(updated) ? [] : [`LAST-MODIFIED:${utcOf(updated)}`, `SEQUENCE:${sequenceOf(updated)}`]),
					`DTSTART:${utcStamp(w.startsAt, tz)}`,
					`DTEND:${utcStamp(w.endsAt, tz)}`,
					`SUMMARY:${escapeText(w.title)}`,
					`LOCATION:${escapeText(e.roomName)}`,
					`CATEGORIES:${[e.typeLabel, ...(w.track ? [w.track.title] : [])].map(escapeText).join(',')}`,
					...(w.description || w.speakers ? [`DESCRIPTION:${escapeText([w.speakers, w.description].filter((s) => s !== '').join('\n\n'))}`] : []),
					`URL:${e.url}`,
					`STATUS:${w.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
					'END:VEVENT'
				);
			}
		}
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(fold).join('\r\n')}\r\n`;
}
