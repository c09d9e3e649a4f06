// Closed vocabularies shared by the server, the pages and the CSV import: session formats, roles, statuses, licences.
export const workshopFormats = [
	'atelier-contributif',
	'regards-croises',
	'scene-ouverte',
	'masterclass',
	'table-ronde',
	'conference',
	'pleniere',
	'forum',
	'seminaire',
	'podcast',
	'video',
	'prototype',
	'centre-de-ressource',
	'sprint',
	'webinaire'
] as const;
export type WorkshopFormat = (typeof workshopFormats)[number];
/** French labels for the server's own output (search facets, kit exports); the pages use the catalogue's `format.*`. */
export const workshopFormatLabels: Record<WorkshopFormat, string> = {
	'atelier-contributif': 'Atelier contributif',
	'regards-croises': 'Regards croisés',
	'scene-ouverte': 'Scène ouverte',
	masterclass: 'Masterclass',
	'table-ronde': 'Table ronde',
	conference: 'Conférence',
	pleniere: 'Plénière',
	forum: 'Forum',
	seminaire: 'Séminaire',
	podcast: 'Podcast',
	video: 'Vidéo',
	prototype: 'Prototype / installation',
	'centre-de-ressource': 'Centre de ressource',
	sprint: 'Sprint',
	webinaire: 'Webinaire'
};

export const editionRoles = ['organiser', 'facilitator', 'participant'] as const;
export type EditionRole = (typeof editionRoles)[number];

export const editionStatuses = ['draft', 'published'] as const;
export type EditionStatus = (typeof editionStatuses)[number];
/** What the policy reads of an edition: its status, and whether the organiser archived it (a published edition, frozen). */
export type EditionState = EditionStatus | 'archived';
export const editionStateOf = (edition: { status: EditionStatus; archived_at?: string | null }): EditionState =>
	edition.status === 'published' && edition.archived_at ? 'archived' : edition.status;

export const workshopStatuses = ['upcoming', 'live', 'closed'] as const;
export type WorkshopStatus = (typeof workshopStatuses)[number];

/** SPDX ids offered as licences; etalab-2.0 is the « Licence Ouverte » of the NEC proceedings. */
export const defaultTimeZone = 'Europe/Paris';
/** IANA time zones this runtime knows (UTC included, which some engines leave out; an older browser offers the default). */
export const timeZones: readonly string[] = [
	...new Set(['UTC', defaultTimeZone, ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])])
].sort();
export const isTimeZone = (zone: string) => timeZones.includes(zone);

export const licences = ['etalab-2.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0'] as const;
export type Licence = (typeof licences)[number];
export const licenceUrls: Record<Licence, string> = {
	'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
	'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
	'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/'
};
