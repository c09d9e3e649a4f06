// Shapes the programme for display: the day/room grid and the query strings of filters and views.
import type { WorkshopView } from '$server/shared/programme-views';

/** A workshop as the programme page shows it: its description stays on the workshop page to keep the page light. */
export type ProgrammeSlot = Omit<WorkshopView, 'description'> & {
	/** In the viewer's « Mon programme »; absent when the viewer cannot keep one (not signed in). */
	picked?: boolean;
};
export type ProgrammeView = 'grid' | 'list';
export type ActiveFilters = { theme: string | null; track: string | null; format: string | null };

export type GridColumn = { id: string | null; name: string; venue: string };
export type GridRow = { startsAt: string; cells: ProgrammeSlot[][] };
export type DayGrid = { day: string; columns: GridColumn[]; rows: GridRow[] };

export function slotsOfDay(slots: ProgrammeSlot[], day: string): ProgrammeSlot[] {
	return slots.filter((s) => s.day === day);
}

/** Only rooms used that day become columns, in the edition's room order; a last column holds workshops without a room. */
export function buildDayGrid(day: string, slots: ProgrammeSlot[], rooms: { id: string; name: string; venue: string }[]): DayGrid {
	const usedRoomIds = new Set(slots.map((s) => s.room?.id ?? null));
	const columns: GridColumn[] = rooms.filter((r) => usedRoomIds.has(r.id)).map((r) => ({ id: r.id, name: r.name, venue: r.venue }));
	if (usedRoomIds.has(null)) columns.push({ id: null, name: '', venue: '' });
	const starts = [...new Set(slots.map((s) => s.startsAt))].sort();
	const rows = starts.map((startsAt) => ({
		startsAt,
		cells: columns.map((column) => slots.filter((s) => s.startsAt === startsAt && (s.room?.id ?? null) === column.id))
	}));
	return { day, columns, rows };
}

export function hasFilters(filters: ActiveFilters): boolean {
	return Boolean(filters.theme || filters.track || filters.format);
}

/** The programme URL for these filters and view; the default view stays out of the URL. */
export function programmeHref(editionId: string, filters: ActiveFilters, view: ProgrammeView): string {
	const query = new URLSearchParams();
	if (filters.theme) query.set('theme', filters.theme);
	if (filters.track) query.set('track', filters.track);
	if (filters.format) query.set('format', filters.format);
	if (view !== 'grid') query.set('view', view);
	const search = query.toString();
	return `/editions/${editionId}${search ? `?${search}` : ''}#programme`;
}
