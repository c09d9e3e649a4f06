// Indico's timetable export (`/export/timetable/<id>.json`) into the normalised shape: contributions, and session blocks without any.
import { AppError } from '../../../shared/errors';
import { localDateTime } from '../workshop-status';
import { createCollector, type Collector } from './collect';
import type { ImportedProgramme } from './normalised';
import { pickLanguage } from './text';
import { parseDateTime, zonedToMs } from './time';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Indico dates are `{ date, time, tz }`: a wall clock in the event's zone. */
function localOf(value: unknown, timeZone: string): string | null {
	if (!isObj(value)) return null;
	const parsed = parseDateTime(`${str(value.date)}T${str(value.time)}`, timeZone);
	if (!parsed) return null;
	const zone = str(value.tz);
	if (!zone || zone === timeZone) return parsed.local;
	try {
		return localDateTime(zonedToMs(parsed.local, zone), timeZone);
	} catch {
		return parsed.local;
	}
}

const people = (entry: Obj) =>
	[entry.presenters, entry.speakers, entry.conveners]
		.filter(Array.isArray)
		.flat()
		.map((p) => (isObj(p) ? str(p.name) || `${str(p.firstName)} ${str(p.familyName)}`.trim() : ''));

function addEntries(entries: Obj, timeZone: string, collector: Collector, sessionTitle: string) {
	for (const entry of Object.values(entries)) {
		if (!isObj(entry)) continue;
		const ref = str(entry.uniqueId) || str(entry.id);
		const item = `${ref} « ${pickLanguage(entry.title)} »`;
		const type = str(entry.entryType);
		if (type === 'Break') {
			collector.note(item, 'notASession', 'Break');
			continue;
		}
		const children = isObj(entry.entries) ? entry.entries : null;
		if (type === 'Session' && children && Object.keys(children).length > 0) {
			addEntries(children, timeZone, collector, pickLanguage(entry.title));
			continue;
		}
		collector.add({
			ref,
			title: entry.title,
			type: str(entry.contributionType) || type,
			startsAt: localOf(entry.startDate, timeZone),
			endsAt: localOf(entry.endDate, timeZone),
			room: entry.room || entry.location,
			track: str(entry.track) || sessionTitle,
			speakers: people(entry),
			description: entry.description
		});
	}
}

export function parseIndicoTimetable(data: Obj, timeZone: string): ImportedProgramme {
	if (!isObj(data.results)) throw new AppError('invalid', 'error.import.notIndico', { source: 'notSchedule' });
	const collector = createCollector('indico', timeZone);
	for (const days of Object.values(data.results)) {
		if (!isObj(days)) continue;
		for (const entries of Object.values(days)) if (isObj(entries)) addEntries(entries, timeZone, collector, '');
	}
	return collector.done('', '');
}
