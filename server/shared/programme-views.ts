// What pages see of an edition and its programme: the DTOs the editions and programme services hand out.
import type { EditionStatus, Licence, WorkshopFormat, WorkshopStatus } from './vocabulary';

/** An edition as stored and as shown (pages receive the row as it is). */
export type EditionView = {
	id: string;
	series_id: string | null;
	series_title: string | null;
	title: string;
	city: string;
	venue: string;
	starts_on: string;
	ends_on: string;
	timezone: string;
	description: string;
	licence: Licence;
	status: EditionStatus;
	/** Set when the organiser archived the (published) edition: read-only for everyone (migration 041). */
	archived_at?: string | null;
	/** 1 when readers of the edition may read (and search) its closed workshops' chats. */
	chat_public: number;
	/** 1 when the organiser opened live pads, history, chat and drive to the edition's readers. */
	workspace_public: number;
	close_delay_minutes: number;
	/** The desk: minutes a live workshop's pads may stay empty before an alert (migration 020). */
	desk_empty_pad_minutes?: number;
	/** The wall: 1 shows what anonymous readers may read, 0 the edition's members only. */
	wall_public?: number;
	created_by: string | null;
	created_at: string;
	updated_at: string;
};

export type ThemeView = { id: string; label: string; aliases: string[] };
export type WorkshopView = {
	id: string;
	title: string;
	format: WorkshopFormat;
	description: string;
	speakers: string;
	startsAt: string;
	endsAt: string;
	day: string;
	status: WorkshopStatus;
	/** Gone from the schedule it was imported from: kept (with its pads) and shown as cancelled. */
	cancelled?: boolean;
	/** When the workshop last changed (ISO): calendar feeds derive LAST-MODIFIED and SEQUENCE from it. */
	updatedAt?: string;
	room: { id: string; name: string; venue: string } | null;
	track: { id: string; title: string; position: number } | null;
	themes: { id: string; label: string }[];
	facilitators: { id: string; displayName: string }[];
};
/** What every public shape of a workshop starts with (JSON API, archive, open data). */
export type WorkshopHead = Pick<WorkshopView, 'id' | 'title' | 'format' | 'description' | 'speakers' | 'startsAt' | 'endsAt'>;

/** What a programme CSV import created. */
export type ImportResult = { workshops: number; rooms: number; tracks: number; themes: number };

/** A workshop on the home page's « now » and « next », with its edition, room and time zone. */
export type HappeningWorkshop = Pick<WorkshopView, 'id' | 'title' | 'format' | 'startsAt' | 'endsAt' | 'status'> & {
	editionId: string;
	editionTitle: string;
	timeZone: string;
	room: string | null;
};
