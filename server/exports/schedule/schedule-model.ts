// The programme as schedule apps see it: conference days (until 06:00 the next morning), rooms, events with stable ids.
import { createHash } from 'node:crypto';
import type { EditionRow } from '../../domain/editions/editions.repo';
import type { WorkshopView } from '../../domain/programme/programme-view';
import { scheduleDayOf, zonedToMs, DAY_BOUNDARY_HOUR } from '../../domain/programme/import/time';
import { workshopFormatLabels } from '../../shared/vocabulary';

export type ScheduleFilter = { room?: string | null; track?: string | null };
export type ScheduleEvent = {
	workshop: WorkshopView;
	/** UUID derived from the workshop id: the same workshop keeps it across exports, so apps update it in place. */
	guid: string;
	/** frab's deprecated integer id, also derived from the workshop id. */
	numericId: number;
	/** `<acronym>-<id>`, the id padded to four digits: the XSD wants 4+ characters on each side of the first hyphen. */
	slug: string;
	roomName: string;
	url: string;
	persons: string[];
	typeLabel: string;
};
export type ScheduleDay = { index: number; date: string; rooms: Map<string, ScheduleEvent[]> };
export type ScheduleModel = { edition: EditionRow; baseUrl: string; acronym: string; days: ScheduleDay[]; rooms: { name: string; guid: string }[]; tracks: string[]; version: string };

export function stableUuid(seed: string): string {
	const h = createHash('sha1').update(`medialab:${seed}`).digest('hex');
	// Shaped as a name-based (version 5) UUID with the RFC 4122 variant.
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export const stableInt = (seed: string) => (parseInt(createHash('sha1').update(`medialab:${seed}`).digest('hex').slice(0, 8), 16) % 2_000_000_000) + 1;

/** « 2026-10-08T09:30 » in Europe/Paris -> « 2026-10-08T09:30:00+02:00 ». */
export function isoWithOffset(local: string, timeZone: string): string {
	const ms = zonedToMs(local, timeZone);
	const offset = Math.round((Date.parse(`${local}:00Z`) - ms) / 60_000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
export const utcStamp = (local: string, timeZone: string) => new Date(zonedToMs(local, timeZone)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function minutesBetween(startsAt: string, endsAt: string, timeZone: string) {
	return Math.round((zonedToMs(endsAt, timeZone) - zonedToMs(startsAt, timeZone)) / 60_000);
}
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function dayBounds(date: string, timeZone: string) {
	const start = `${date}T${String(DAY_BOUNDARY_HOUR).padStart(2, '0')}:00`;
	const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return { start: isoWithOffset(start, timeZone), end: isoWithOffset(`${next}T${String(DAY_BOUNDARY_HOUR - 1).padStart(2, '0')}:59`, timeZone) };
}

/** The c3voc schema wants an acronym of at least four lower-case letters, digits or underscores. */
export const acronymOf = (title: string) =>
	(
		title
			.normalize('NFD')
			.replace(/\p{Diacritic}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '') || 'medialab'
	).padEnd(4, '_');

export function buildScheduleModel(input: { edition: EditionRow; workshops: WorkshopView[]; baseUrl: string; filter?: ScheduleFilter; includeCancelled?: boolean }): ScheduleModel {
	const { edition, baseUrl, filter = {} } = input;
	const fallbackRoom = edition.venue || edition.city || edition.title;
	const chosen = input.workshops.filter(
		(w) => (input.includeCancelled || !w.cancelled) && (!filter.room || w.room?.id === filter.room) && (!filter.track || w.track?.id === filter.track)
	);
	const byDay = new Map<string, Map<string, ScheduleEvent[]>>();
	const rooms = new Map<string, string>();
	for (const w of [...chosen].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title))) {
		const day = scheduleDayOf(w.startsAt);
		const roomName = w.room?.name ?? fallbackRoom;
		rooms.set(roomName, stableUuid(`room:${w.room?.id ?? edition.id}`));
		if (!byDay.has(day)) byDay.set(day, new Map());
		const roomsOfDay = byDay.get(day)!;
		roomsOfDay.set(roomName, [
			...(roomsOfDay.get(roomName) ?? []),
			{
				workshop: w,
				guid: stableUuid(`workshop:${w.id}`),
				numericId: stableInt(`workshop:${w.id}`),
				slug: `${acronymOf(edition.title)}-${String(stableInt(`workshop:${w.id}`)).padStart(4, '0')}`,
				roomName,
				url: `${baseUrl}/workshops/${w.id}`,
				persons: w.speakers.split(/\s*[,;]\s*/).filter((s) => s !== ''),
				typeLabel: workshopFormatLabels[w.format] ?? w.format
			}
		]);
	}
	const dates = [...byDay.keys()].sort();
	return {
		edition,
		baseUrl,
		acronym: acronymOf(edition.title),
		days: dates.map((date, i) => ({ index: i + 1, date, rooms: byDay.get(date)! })),
		rooms: [...rooms].map(([name, guid]) => ({ name, guid })),
		tracks: [...new Set(chosen.flatMap((w) => (w.track ? [w.track.title] : [])))],
		version: edition.updated_at
	};
}
