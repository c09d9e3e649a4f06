// frab / pretalx schedule.xml, including the older pentabarf dialect (no GUIDs, no <date>): read into the normalised shape.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import { createCollector, type Collector } from './collect';
import type { ImportedProgramme } from './normalised';
import { decodeEntities } from './text';
import { onScheduleDay, parseDateTime } from './time';

type Node = Record<string, unknown>;
// `room` is a list under <day> but one value inside <event>.
const arrays = new Set(['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'schedule.day.room.event.persons.person']);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	// Entity and DOCTYPE expansion stay off (billion laughs, external entities); the text module decodes the standard five.
	processEntities: false,
	htmlEntities: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (_name, jpath) => arrays.has(String(jpath))
});

/** Element or attribute text with the XML layer's entities decoded; HTML inside it is the text module's job. */
export const text = (node: unknown): string => {
	if (typeof node === 'string' || typeof node === 'number') return decodeEntities(String(node));
	if (node && typeof node === 'object' && '#text' in node) return decodeEntities(String((node as Node)['#text']));
	return '';
};
const list = (node: unknown): Node[] => (Array.isArray(node) ? node.filter((n): n is Node => typeof n === 'object' && n !== null) : []);

export function startOf(raw: { date?: string; day: string; start: string; dayStart?: string }, timeZone: string, collector: Collector, item: string) {
	if (raw.date) {
		const parsed = parseDateTime(raw.date, timeZone);
		if (parsed) {
			if (!parsed.hadOffset) collector.noteOnce(item, 'missingOffset', timeZone);
			return parsed.local;
		}
	}
	return raw.start ? onScheduleDay(raw.day, raw.start, raw.dayStart) : null;
}

export function parseFrabXml(xml: string, timeZone: string): ImportedProgramme {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) throw new AppError('invalid', 'error.import.xmlMalformed', { source: 'xmlNotWellFormed' }, {}, { line: valid.err.line, column: valid.err.col, reason: valid.err.msg });
	const root = (parser.parse(xml) as Node).schedule as Node | undefined;
	if (!root || typeof root !== 'object') throw new AppError('invalid', 'error.import.notFrab', { source: 'notSchedule' });
	const conference = (root.conference ?? {}) as Node;
	const collector = createCollector('frab-xml', timeZone);
	for (const day of list(root.day)) {
		const date = text(day['@date']);
		const dayStart = parseDateTime(text(day['@start']), timeZone)?.local.slice(11, 16);
		for (const room of list(day.room)) {
			for (const event of list(room.event)) {
				const ref = text(event['@id']) || text(event.slug);
				const item = `${ref} « ${text(event.title)} »`;
				collector.add({
					guid: text(event['@guid']),
					ref,
					title: text(event.title),
					type: text(event.type),
					startsAt: startOf({ date: text(event.date), day: date, start: text(event.start), dayStart }, timeZone, collector, item),
					duration: text(event.duration),
					room: text(event.room) || text(room['@name']),
					track: text(event.track),
					speakers: (((event.persons as Node | undefined)?.person as unknown[] | undefined) ?? []).map(text),
					description: [text(event.subtitle), text(event.abstract), text(event.description)].filter((s) => s !== '').join('\n\n')
				});
			}
		}
	}
	return collector.done(text(root.version), text(conference.title) || text(conference.acronym));
}
