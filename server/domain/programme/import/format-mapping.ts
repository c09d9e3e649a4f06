// Suggests which of our formats a source's free-text session type is; the organiser confirms it in the preview.
import { workshopFormats, type WorkshopFormat } from '../../../shared/vocabulary';

const slug = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-');

const synonyms: [RegExp, WorkshopFormat][] = [
	[/keynote|pleni|opening|closing|ouverture|cloture/, 'pleniere'],
	[/panel|table-?ronde|round-?table|discussion|debat/, 'table-ronde'],
	[/workshop|atelier|hands-?on|tutorial|lab\b/, 'atelier-contributif'],
	[/master-?class/, 'masterclass'],
	[/webinar|webinaire/, 'webinaire'],
	[/seminar|seminaire/, 'seminaire'],
	[/sprint|hackathon|hack/, 'sprint'],
	[/podcast|radio/, 'podcast'],
	[/video|film|screening|projection/, 'video'],
	[/demo|prototype|installation|exhibit|expo/, 'prototype'],
	[/forum|meetup|meeting|assembly|rencontre/, 'forum'],
	[/lightning|open-?stage|scene|pitch/, 'scene-ouverte'],
	[/talk|lecture|presentation|vortrag|conference|session/, 'conference']
];

export function suggestFormat(type: string): WorkshopFormat {
	const s = slug(type);
	if ((workshopFormats as readonly string[]).includes(s)) return s as WorkshopFormat;
	return synonyms.find(([pattern]) => pattern.test(s))?.[1] ?? 'conference';
}

export const isWorkshopFormat = (value: unknown): value is WorkshopFormat => typeof value === 'string' && (workshopFormats as readonly string[]).includes(value);
