// Indico's HTTP API exports into the normalised shape: the timetable (`/export/timetable/<id>.json`) and the event with its contributions (`/export/event/<id>.json?detail=contributions`).
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

/** An Indico person: `first_name` + `last_name` (never the e-mail hash or the affiliation), else `fullName` (« Last, First »). */
function personName(p: unknown): string {
	if (!isObj(p)) return '';
	const named = `${str(p.first_name)} ${str(p.last_name)}`.trim();
	if (named) return named;
	const [last, first] = str(p.fullName).split(/,\s*/);
	return first ? `${first} ${last}` : (last ?? '');
}

/** True for `/export/event/<id>.json?detail=contributions`: `results` is a list of events that carry `contributions`. */
export const isIndicoEventExport = (data: Obj) => Array.isArray(data.results) && data.results.some((r) => isObj(r) && (r._type === 'Conference' || Array.isArray(r.contributions)));

/**
 * The event export lists contributions without their place in the timetable's blocks: the session (a block of the
 * timetable) becomes the track, as it does for the timetable; with no contribution type, the abstract track's name is
 * the free-text type the organiser maps to a format in the preview. Speakers are the presenters, else the authors.
 */
export function parseIndicoEvent(data: Obj, timeZone: string): ImportedProgramme {
	const collector = createCollector('indico', timeZone);
	let title = '';
	for (const event of data.results as unknown[]) {
		if (!isObj(event) || !Array.isArray(event.contributions)) continue;
		title ||= pickLanguage(event.title);
		for (const c of event.contributions) {
			if (!isObj(c)) continue;
			const speakers = Array.isArray(c.speakers) && c.speakers.length > 0 ? c.speakers : Array.isArray(c.primaryauthors) ? c.primaryauthors : [];
			collector.add({
				ref: str(c.friendly_id) || str(c.id),
				title: c.title,
				type: str(c.type) || str(c.track),
				startsAt: localOf(c.startDate, timeZone),
				endsAt: localOf(c.endDate, timeZone),
				room: str(c.roomFullname) || str(c.room) || str(c.location) || str(event.roomFullname) || str(event.room) || str(event.location),
				track: str(c.session) || str(c.track),
				speakers: speakers.map(personName),
				description: c.description
			});
		}
	}
	return collector.done('', title);
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
