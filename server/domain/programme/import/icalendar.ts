// iCalendar (.ics) into the normalised shape: one VEVENT per session, times converted to the edition's zone.
import ICAL from 'ical.js';
import { AppError } from '../../../shared/errors';
import { localDateTime } from '../workshop-status';
import { createCollector, type Collector } from './collect';
import type { ImportedProgramme } from './normalised';
import { oneLine } from './text';
import { zonedToMs } from './time';

const pad = (n: number) => String(n).padStart(2, '0');
const isIanaZone = (zone: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
};

/** A DTSTART/DTEND as the edition's local time: UTC, an embedded VTIMEZONE, an IANA TZID, or floating (taken as local). */
function localOf(property: ICAL.Property | null, timeZone: string, collector: Collector, item: string): string | null {
	if (!property) return null;
	const time = property.getFirstValue() as ICAL.Time | null;
	if (!time || typeof time !== 'object' || !('year' in time)) return null;
	const wall = `${time.year}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}`;
	if (time.isDate) return `${time.year}-${pad(time.month)}-${pad(time.day)}T00:00`;
	const tzid = property.getParameter('tzid');
	if (time.zone && time.zone.tzid !== 'floating') return localDateTime(time.toUnixTime() * 1000, timeZone);
	if (typeof tzid === 'string' && isIanaZone(tzid)) return localDateTime(zonedToMs(wall, tzid), timeZone);
	collector.noteOnce(item, 'missingOffset', timeZone);
	return wall;
}

/** A timed event with neither DTEND nor DURATION ends when it starts (RFC 5545, 3.6.1): a session needs a length. */
export const ASSUMED_MINUTES = 60;

const isAllDay = (event: ICAL.Component) => (event.getFirstPropertyValue('dtstart') as ICAL.Time | null)?.isDate === true;

export function parseICalendar(text: string, timeZone: string): ImportedProgramme {
	let calendar: ICAL.Component;
	try {
		calendar = new ICAL.Component(ICAL.parse(text));
	} catch (e) {
		throw new AppError('invalid', 'error.import.icalUnreadable', { source: 'unreadable' }, {}, { reason: (e as Error).message });
	}
	const collector = createCollector('ical', timeZone);
	for (const event of calendar.getAllSubcomponents('vevent')) {
		const uid = oneLine(event.getFirstPropertyValue('uid'));
		const title = oneLine(event.getFirstPropertyValue('summary'));
		const item = `${uid} « ${title} »`;
		if (String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
			collector.note(item, 'cancelledInSource');
			continue;
		}
		if (event.hasProperty('recurrence-id')) {
			collector.note(item, 'recurrenceSkipped');
			continue;
		}
		if (event.hasProperty('rrule')) collector.note(item, 'recurrenceSkipped', 'RRULE');
		const duration = event.getFirstPropertyValue('duration') as ICAL.Duration | null;
		const hasDuration = duration !== null && typeof duration === 'object' && 'toSeconds' in duration;
		const noEnd = !event.hasProperty('dtend') && !hasDuration && !isAllDay(event);
		if (noEnd && title !== '') collector.note(item, 'missingEnd', String(ASSUMED_MINUTES));
		const categories = event.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
		collector.add({
			guid: uid,
			ref: uid,
			title,
			type: categories[0] ?? '',
			startsAt: localOf(event.getFirstProperty('dtstart'), timeZone, collector, item),
			endsAt: localOf(event.getFirstProperty('dtend'), timeZone, collector, item),
			// An all-day event without DTEND or DURATION lasts that one day (RFC 5545, 3.6.1).
			duration: hasDuration ? `PT${Math.round(duration.toSeconds() / 60)}M` : isAllDay(event) ? 'P1D' : noEnd ? `PT${ASSUMED_MINUTES}M` : null,
			room: event.getFirstPropertyValue('location'),
			track: categories[1] ?? '',
			// ATTENDEE and ORGANIZER carry e-mail addresses: never read.
			speakers: [],
			description: event.getFirstPropertyValue('description')
		});
	}
	return collector.done('', calendar.getFirstPropertyValue('x-wr-calname'));
}
