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

/** pretalx's REST API (`/api/events/<event>/talks/`, or submissions with slots): one talk per result, slot inside. */
export function parsePretalxApi(data: Obj, timeZone: string): ImportedProgramme {
	const results = Array.isArray(data.results) ? data.results : [];
	const collector = createCollector('pretalx-api', timeZone);
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
		const room = isObj(slot.room) && 'name' in slot.room ? slot.room.name : slot.room;
		const type = isObj(talk.submission_type) && 'name' in talk.submission_type ? talk.submission_type.name : talk.submission_type;
		const track = isObj(talk.track) && 'name' in talk.track ? talk.track.name : talk.track;
		collector.add({
			ref,
			title: talk.title,
			type: pickLanguage(type),
			startsAt: start?.local ?? null,
			endsAt: slot.end ? (parseDateTime(str(slot.end), timeZone)?.local ?? null) : null,
			duration: typeof talk.duration === 'number' ? `${Math.floor(talk.duration / 60)}:${String(talk.duration % 60).padStart(2, '0')}` : null,
			room: pickLanguage(room),
			track: pickLanguage(track),
			speakers: personNames(talk.speakers),
			description: [pickLanguage(talk.abstract), pickLanguage(talk.description)].filter((s) => s !== '').join('\n\n')
		});
	}
	return collector.done('', '');
}
