// Pure read model of a programme: workshops with their room, track, themes, facilitators and status, filtered.
import type { ThemeView, WorkshopHead, WorkshopView } from '../../shared/programme-views';
import type { EditionRow } from '../editions/editions.repo';
import type { RoomRow, ThemeRow, TrackRow } from './structure.repo';
import { themeKey } from '../../shared/themes';
import { localDateTime, workshopStatus } from './workshop-status';
import type { WorkshopRow } from './workshops.repo';
import { listedSpeakers } from './listed-speakers';

export type { ThemeView, WorkshopHead, WorkshopView };
export const workshopHead = (w: WorkshopHead): WorkshopHead => ({
	id: w.id,
	title: w.title,
	format: w.format,
	description: w.description,
	speakers: w.speakers,
	startsAt: w.startsAt,
	endsAt: w.endsAt
});
/** Theme and track filters accept an id or, for themes, any label or alias (« data » finds #données). */
export type ProgrammeFilters = { theme?: string | null; track?: string | null; format?: string | null };

type Sources = {
	edition: EditionRow;
	themes: ThemeRow[];
	tracks: TrackRow[];
	rooms: RoomRow[];
	workshops: WorkshopRow[];
	themeLinks: { workshop_id: string; theme_id: string }[];
	facilitatorLinks: { workshop_id: string; user_id: string; display_name: string }[];
	claimedSpeakers?: { workshop_id: string; speaker_name: string }[];
};

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
	const map = new Map<K, T[]>();
	for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
	return map;
}

export function findTheme(themes: ThemeView[], query: string): ThemeView | undefined {
	const key = themeKey(query);
	return themes.find((t) => t.id === query || [t.label, ...t.aliases].some((name) => themeKey(name) === key));
}

export function buildProgramme(src: Sources, nowMs: number, filters: ProgrammeFilters) {
	const themes: ThemeView[] = src.themes.map((t) => ({ id: t.id, label: t.label, aliases: JSON.parse(t.aliases) as string[] }));
	const themeById = new Map(themes.map((t) => [t.id, t]));
	const roomById = new Map(src.rooms.map((r) => [r.id, r]));
	const trackById = new Map(src.tracks.map((t) => [t.id, t]));
	const themesOf = groupBy(src.themeLinks, (l) => l.workshop_id);
	const facilitatorsOf = groupBy(src.facilitatorLinks, (l) => l.workshop_id);
	const claimedOf = groupBy(src.claimedSpeakers ?? [], (c) => c.workshop_id);
	// A claimed name is the facilitator now: left out of the listed text so the person is not shown twice.
	const unclaimedSpeakers = (w: WorkshopRow) => {
		const claimed = new Set((claimedOf.get(w.id) ?? []).map((c) => c.speaker_name));
		if (claimed.size === 0) return w.speakers;
		return listedSpeakers(w.speakers)
			.filter((name) => !claimed.has(name))
			.join(', ');
	};
	const nowLocal = localDateTime(nowMs, src.edition.timezone);

	const all: WorkshopView[] = src.workshops.map((w) => {
		const room = w.room_id ? roomById.get(w.room_id) : undefined;
		const track = w.track_id ? trackById.get(w.track_id) : undefined;
		return {
			id: w.id,
			title: w.title,
			format: w.format,
			description: w.description,
			speakers: unclaimedSpeakers(w),
			startsAt: w.starts_at,
			endsAt: w.ends_at,
			day: w.starts_at.slice(0, 10),
			status: workshopStatus(w, nowLocal),
			cancelled: (w.cancelled_at ?? null) !== null,
			updatedAt: w.updated_at,
			room: room ? { id: room.id, name: room.name, venue: room.venue } : null,
			track: track ? { id: track.id, title: track.title, position: w.track_position ?? 0 } : null,
			themes: (themesOf.get(w.id) ?? [])
				.map((l) => themeById.get(l.theme_id))
				.filter((t): t is ThemeView => t !== undefined)
				.map((t) => ({ id: t.id, label: t.label })),
			facilitators: (facilitatorsOf.get(w.id) ?? []).map((f) => ({ id: f.user_id, displayName: f.display_name }))
		};
	});

	const theme = filters.theme ? findTheme(themes, filters.theme) : undefined;
	const workshops = all.filter(
		(w) =>
			(!filters.theme || (theme !== undefined && w.themes.some((t) => t.id === theme.id))) &&
			(!filters.track || w.track?.id === filters.track) &&
			(!filters.format || w.format === filters.format)
	);
	const trackWorkshops = (trackId: string) =>
		all.filter((w) => w.track?.id === trackId).sort((a, b) => a.track!.position - b.track!.position || a.startsAt.localeCompare(b.startsAt));

	return {
		edition: src.edition,
		themes,
		tracks: src.tracks.map((t) => ({ ...t, workshops: trackWorkshops(t.id).map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt })) })),
		rooms: src.rooms,
		workshops,
		days: [...new Set(all.map((w) => w.day))].sort(),
		filters: { theme: theme?.id ?? filters.theme ?? null, track: filters.track ?? null, format: filters.format ?? null }
	};
}
export type Programme = ReturnType<typeof buildProgramme>;
