// The public shapes of the JSON API: camelCase, stable, and nothing internal (no creators, join codes or guests' user ids).
import { workshopHead, type Programme } from '$lib/server/presenters';
import type { EditionView, ThemeView, WorkshopView } from '$server/shared/programme-views';
import type { Viewer } from '$server/shared/viewer';

export type ApiEdition = {
	id: string;
	title: string;
	series: string | null;
	city: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	timezone: string;
	description: string;
	licence: string;
	status: 'draft' | 'published';
	url: string;
};

export type ApiWorkshop = {
	id: string;
	title: string;
	format: string;
	description: string;
	speakers: string;
	/** Local wall-clock time in the edition's timezone, `YYYY-MM-DDTHH:MM`. */
	startsAt: string;
	endsAt: string;
	status: 'upcoming' | 'live' | 'closed';
	roomId: string | null;
	trackId: string | null;
	themeIds: string[];
	facilitators: { displayName: string }[];
};

export type ApiTrack = { id: string; title: string; lead: string; description: string; workshopIds: string[] };
export type ApiRoom = { id: string; name: string; venue: string };
export type ApiTheme = { id: string; label: string; aliases: string[] };

export function toApiEdition(row: EditionView, origin: string): ApiEdition {
	return {
		id: row.id,
		title: row.title,
		series: row.series_title,
		city: row.city,
		venue: row.venue,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		timezone: row.timezone,
		description: row.description,
		licence: row.licence,
		status: row.status,
		url: `${origin}/editions/${encodeURIComponent(row.id)}`
	};
}

export function toApiWorkshop(w: WorkshopView): ApiWorkshop {
	return {
		...workshopHead(w),
		status: w.status,
		roomId: w.room?.id ?? null,
		trackId: w.track?.id ?? null,
		themeIds: w.themes.map((t) => t.id),
		facilitators: w.facilitators.map((f) => ({ displayName: f.displayName }))
	};
}

export const toApiTheme = (t: ThemeView): ApiTheme => ({ id: t.id, label: t.label, aliases: [...t.aliases] });

/** An edition with its whole structure and the (filtered) workshops. */
export function toApiProgramme(p: Programme, origin: string) {
	return {
		edition: toApiEdition(p.edition, origin),
		themes: p.themes.map(toApiTheme),
		tracks: p.tracks.map(
			(t): ApiTrack => ({ id: t.id, title: t.title, lead: t.lead, description: t.description, workshopIds: t.workshops.map((w) => w.id) })
		),
		rooms: p.rooms.map((r): ApiRoom => ({ id: r.id, name: r.name, venue: r.venue })),
		days: p.days,
		filters: p.filters,
		workshops: p.workshops.map(toApiWorkshop)
	};
}

/** Published editions plus the caller's own (drafts included), once each, most recent first. */
export function mergeEditions(published: EditionView[], own: EditionView[]): EditionView[] {
	const byId = new Map<string, EditionView>();
	for (const row of [...published, ...own]) if (!byId.has(row.id)) byId.set(row.id, row);
	return [...byId.values()].sort((a, b) => b.starts_on.localeCompare(a.starts_on) || a.title.localeCompare(b.title, 'fr'));
}

export const toApiViewer = (v: Viewer) => ({ id: v.id, username: v.username, displayName: v.displayName, isGuest: v.isGuest, isAdmin: v.isAdmin });
