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

export function renderICalendar(model: ScheduleModel, now: number): string {
	const tz = model.edition.timezone;
	const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MédiaLab//Programme//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(model.edition.title)}`, `X-WR-TIMEZONE:${tz}`];
	for (const day of model.days) {
		for (const events of day.rooms.values()) {
			for (const e of events) {
				const w = e.workshop;
				lines.push(
					'BEGIN:VEVENT',
					`UID:workshop-${w.id}@medialab`,
					`DTSTAMP:${stamp}`,
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
