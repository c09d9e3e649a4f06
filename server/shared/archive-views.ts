// What the public archive pages see: an edition's programme as archived, its deliverables and key figures.
import type { PublishedDeliverable, PublishedSummary } from './deliverable-views';
import type { WorkshopHead } from './programme-views';
import type { WorkshopFormat } from './vocabulary';

/** Published (or withdrawn) deliverables as the deliverables service hands them out to anyone. */
export type ArchiveDeliverableSummary = PublishedSummary;
export type ArchiveDeliverable = PublishedDeliverable;

export type ArchiveEditionHead = {
	id: string;
	title: string;
	seriesTitle: string | null;
	city: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	description: string;
	licence: string;
	/** IANA zone of the event's clock: every time of the archive reads on it. */
	timezone: string;
};

export type ArchiveWorkshop = WorkshopHead & {
	day: string;
	room: string | null;
	track: { id: string; title: string } | null;
	themes: { id: string; label: string }[];
	facilitators: string[];
	deliverables: ArchiveDeliverableSummary[];
};

export type ArchiveTrack = { id: string; title: string; lead: string; description: string; workshopIds: string[] };
export type ArchiveTheme = { id: string; label: string; aliases: string[] };

export type ArchiveEdition = {
	edition: ArchiveEditionHead;
	themes: ArchiveTheme[];
	tracks: ArchiveTrack[];
	days: string[];
	workshops: ArchiveWorkshop[];
	deliverables: ArchiveDeliverableSummary[];
};

export type FigureRow = { workshops: number; pads: number; deliverables: number; words: number; files: number };
export type KeyFigures = FigureRow & {
	contributors: number;
	byFormat: { format: WorkshopFormat; workshops: number }[];
	byTheme: ({ id: string; label: string } & FigureRow)[];
};
