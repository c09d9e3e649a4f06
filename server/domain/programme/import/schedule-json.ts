// c3voc schedule.json (frab, pretalx, the c3voc tools) and the pretalx REST API's talk list, into the normalised shape.
import { AppError } from '../../../shared/errors';
import { createCollector, type Collector } from './collect';
import type { ImportedProgramme } from './normalised';
import { pickLanguage } from './text';
import { onScheduleDay, parseDateTime } from './time';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const personNames = (persons: unknown) => (Array.isArray(persons) ? persons.map((p) => (isObj(p) ? (p.public_name ?? p.name ?? p.full_public_name ?? '') : p)) : []);

function startOf(event: Obj, day: Obj, timeZone: string, collector: Collector, item: string): string | null {
	const parsed = typeof event.date === 'string' ? parseDateTime(event.date, timeZone) : null;
	if (parsed) {
		if (!parsed.hadOffset) collector.noteOnce(item, 'missingOffset', timeZone);
		return parsed.local;
	}
	const dayStart = typeof day.day_start === 'string' ? parseDateTime(day.day_start, timeZone)?.local.slice(11, 16) : undefined;
	return onScheduleDay(str(day.date), str(event.start), dayStart);
}

export function parseScheduleJson(data: Obj, timeZone: string): ImportedProgramme {
	const schedule = isObj(data.schedule) ? data.schedule : null;
	const conference = schedule && isObj(schedule.conference) ? schedule.conference : null;
	if (!schedule || !conference || !Array.isArray(conference.days)) throw new AppError('invalid', 'error.import.notScheduleJson', { source: 'notSchedule' });
	const collector = createCollector('schedule-json', timeZone);
	for (const [dayIndex, day] of conference.days.entries()) {
		if (!isObj(day) || !isObj(day.rooms)) {
			collector.note(`day ${dayIndex + 1}`, 'notASession');
			continue;
		}
		for (const [roomName, events] of Object.entries(day.rooms)) {
			for (const event of Array.isArray(events) ? events : []) {
				if (!isObj(event)) continue;
				const ref = str(event.code) || str(event.id) || str(event.slug);
				const item = `${ref} « ${pickLanguage(event.title)} »`;
				const end = typeof event.end === 'string' ? parseDateTime(event.end, timeZone)?.local : null;
				collector.add({
					guid: str(event.guid),
					ref,
					title: event.title,
					type: event.type,
					startsAt: startOf(event, day, timeZone, collector, item),
					endsAt: end ?? null,
					duration: str(event.duration),
					room: event.room ?? roomName,
					track: event.track,
					speakers: personNames(event.persons),
					description: [pickLanguage(event.subtitle), pickLanguage(event.abstract), pickLanguage(event.description)].filter((s) => s !== '').join('\n\n')
				});
			}
		}
	}
	return collector.done(schedule.version, conference.title ?? conference.acronym);
}

/** id or code → name tables from the event's speakers, rooms, tracks and submission types (pretalx-fetch.ts). */
function pretalxNames(data: Obj) {
	const lookups = isObj(data.pretalx) ? data.pretalx : {};
	const table = (key: string) => {
		const map = new Map<string, unknown>();
		for (const row of Array.isArray(lookups[key]) ? lookups[key] : []) {
			if (!isObj(row)) continue;
			for (const k of [row.code, row.id]) if (str(k) !== '') map.set(str(k), row.name);
		}
		return map;
	};
	const speakers = table('speakers');
	const rooms = table('rooms');
	const tracks = table('tracks');
	const types = table('submission_types');
	// Recent pretalx answers ids and codes where older versions embedded objects: both are read.
	const named = (value: unknown, names: Map<string, unknown>) => {
		if (isObj(value)) return 'name' in value ? value.name : value;
		if (typeof value === 'number' || (typeof value === 'string' && names.has(value))) return names.get(str(value)) ?? '';
		return value;
	};
	return {
		speaker: (s: unknown) => (isObj(s) ? (s.name ?? s.public_name ?? (str(s.code) ? speakers.get(str(s.code)) : '')) : (speakers.get(str(s)) ?? s)),
		room: (v: unknown) => pickLanguage(named(v, rooms)),
		track: (v: unknown) => pickLanguage(named(v, tracks)),
		type: (v: unknown) => pickLanguage(named(v, types))
	};
}

/** pretalx's REST API (`/api/events/<event>/talks/`, or submissions with slots): one talk per result, slot inside. */
export function parsePretalxApi(data: Obj, timeZone: string): ImportedProgramme {
	const results = Array.isArray(data.results) ? data.results : [];
	const collector = createCollector('pretalx-api', timeZone);
	const names = pretalxNames(data);
	for (const talk of results) {
		if (!isObj(talk)) continue;
		const ref = str(talk.code) || str(talk.id);
		const item = `${ref} « ${pickLanguage(talk.title)} »`;
		const slots = Array.isArray(talk.slots) ? talk.slots : [talk.slot];
		const slot = slots.find(isObj);
		if (!slot || !slot.start) {
			collector.note(item, 'notASession');
			continue;
		}
		const start = parseDateTime(str(slot.start), timeZone);
		if (start && !start.hadOffset) collector.noteOnce(item, 'missingOffset', timeZone);
		collector.add({
			ref,
			title: talk.title,
			type: names.type(talk.submission_type),
			startsAt: start?.local ?? null,
			endsAt: slot.end ? (parseDateTime(str(slot.end), timeZone)?.local ?? null) : null,
			duration: typeof talk.duration === 'number' ? `${Math.floor(talk.duration / 60)}:${String(talk.duration % 60).padStart(2, '0')}` : null,
			room: names.room(slot.room),
			track: names.track(talk.track),
			speakers: (Array.isArray(talk.speakers) ? talk.speakers : []).map(names.speaker),
			description: [pickLanguage(talk.abstract), pickLanguage(talk.description)].filter((s) => s !== '').join('\n\n')
		});
	}
	return collector.done('', '');
}
