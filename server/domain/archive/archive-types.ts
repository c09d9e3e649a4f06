// What the public archive reads: published deliverables as the deliverables service hands them out, and the archive views.
import type { createPublishedReader, PublishedDeliverable, PublishedSummary } from '../deliverables/published';
import type { WorkshopFormat } from '../../shared/vocabulary';
import type { WorkshopHead } from '../programme/programme-view';

type PublishedReader = ReturnType<typeof createPublishedReader>;

/** Published (or withdrawn) deliverables as the deliverables service hands them out to anyone. */
export type ArchiveDeliverableSummary = PublishedSummary;
export type ArchiveDeliverable = PublishedDeliverable;
export type DeliverableSource = Pick<PublishedReader, 'listPublished' | 'getPublished' | 'diffVersions'>;

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
