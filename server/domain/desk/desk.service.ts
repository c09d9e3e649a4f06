// The MédiaLab desk: every workshop of the edition as a tile (status, presence, writing activity, alerts), for its staff only.
import type { CreditsService } from '../deliverables/credits';
import { localDateTime } from '../programme/workshop-status';
import type { WorkshopsService } from '../programme/workshops.service';
import type { ActivityFeed } from '../ports';
import type { Clock, Viewer } from '../types';
import type { WorkshopStatus } from '../../shared/vocabulary';
import { alertsOf, IDLE_PAD_MINUTES, rankAlerts, type DeskAlert } from './alerts';
import type { DeskActivityRepo } from './desk-activity.repo';
import type { HelpRequestsService, HelpRequestView } from './help-requests.service';

export type DeskTile = {
	id: string;
	title: string;
	status: WorkshopStatus;
	day: string;
	startsAt: string;
	endsAt: string;
	room: { id: string; name: string } | null;
	track: { id: string; title: string } | null;
	themes: { id: string; label: string }[];
	present: string[];
	/** Edits per minute over the last 15 minutes, oldest first. */
	activity: number[];
	lastEditAt: number | null;
	padCount: number;
};
export type DeskBoard = { now: number; tiles: DeskTile[]; alerts: DeskAlert[]; help: HelpRequestView[] };
type FullBoard = DeskBoard & { edition: { id: string; title: string; timezone: string } };

type Counted = { count: number; since: number };
type Deps = {
	clock: Clock;
	workshops: WorkshopsService;
	activity: DeskActivityRepo;
	help: HelpRequestsService;
	feed: ActivityFeed | null;
	/** People present are named by their credit choice for the edition. */
	credits: Pick<CreditsService, 'display'>;
	/** Chat messages waiting for moderation, per workshop of the edition. */
	reported?: (editionId: string) => Map<string, Counted>;
	/** Drive files whose processing failed, per workshop of the edition. */
	failedFiles?: (editionId: string) => Map<string, Counted>;
	/** The desk's events: a board shared by the pages open at once is good until the edition's next event. */
	events?: { subscribe(editionId: string, listener: () => void): () => void };
};

/** However quiet the edition, a shared board is computed again after this long (alerts depend on the time). */
export const SHARED_BOARD_MS = 1000;

/** An edition-local 'YYYY-MM-DDTHH:MM' as an instant, using the offset the edition's zone has now. */
function localToMs(local: string, now: number, timeZone: string): number {
	const offset = Date.parse(`${localDateTime(now, timeZone)}Z`) - now;
	return Date.parse(`${local}Z`) - offset;
}

export function createDeskService(deps: Deps) {
	async function presentIn(editionId: string, workshopId: string, padIds: string[]): Promise<string[]> {
		if (!deps.feed) return [];
		const rooms = [`chat:${workshopId}`, `drive:${workshopId}`, ...padIds.map((id) => `pad:${id}`)];
		const ids = new Set<string>();
		// Connections without an account (read-only visitors) have no name to show.
		for (const room of rooms) for (const id of await deps.feed.presence(room)) if (id) ids.add(id);
		return [...ids].map((id) => deps.credits.display(id, editionId)).sort((a, b) => a.localeCompare(b));
	}

	/** Per edition: the last board computed for its staff, and whether an event came since (then it is stale). */
	const shared = new Map<string, { board: FullBoard; at: number; fresh: boolean }>();
	const followed = new Set<string>();

	const service = {
		/** Staff of the edition only (the help queue decides: not_found for anyone else). */
		async board(viewer: Viewer | null, editionId: string): Promise<FullBoard> {
			const help = deps.help.pending(viewer, editionId);
			const programme = deps.workshops.programme(viewer, editionId);
			const now = deps.clock();
			const edition = programme.edition;
			const pads = deps.activity.padsOfEdition(editionId, now);
			const withDeliverable = deps.activity.workshopsWithDeliverable(editionId);
			const reported = deps.reported?.(editionId) ?? new Map<string, Counted>();
			const failedFiles = deps.failedFiles?.(editionId) ?? new Map<string, Counted>();
			const settings = { emptyPadMinutes: edition.desk_empty_pad_minutes ?? 20, idlePadMinutes: IDLE_PAD_MINUTES, closeDelayMinutes: edition.close_delay_minutes ?? 120 };
			const alerts: DeskAlert[] = [];
			const tiles = await Promise.all(
				programme.workshops
				.filter((w) => !w.cancelled)
				.map(async (w): Promise<DeskTile> => {
					const own = pads.filter((p) => p.workshopId === w.id);
					const openHelp = help.filter((h) => h.workshopId === w.id && h.status === 'open');
					alerts.push(
						...alertsOf(
							{
								workshopId: w.id,
								status: w.status,
								startedAt: localToMs(w.startsAt, now, edition.timezone),
								endedAt: localToMs(w.endsAt, now, edition.timezone),
								pads: own,
								hasDeliverable: withDeliverable.has(w.id),
								openHelp,
								reported: reported.get(w.id) ?? null,
								failedFiles: failedFiles.get(w.id) ?? null
							},
							now,
							settings
						)
					);
					const lastEdits = own.map((p) => p.lastEditAt ?? 0);
					return {
						id: w.id,
						title: w.title,
						status: w.status,
						day: w.day,
						startsAt: w.startsAt,
						endsAt: w.endsAt,
						room: w.room && { id: w.room.id, name: w.room.name },
						track: w.track && { id: w.track.id, title: w.track.title },
						themes: w.themes,
						present: await presentIn(editionId, w.id, own.map((p) => p.padId)),
						activity: own.reduce((sum, p) => sum.map((n, i) => n + p.perMinute[i]!), Array<number>(15).fill(0)),
						lastEditAt: lastEdits.length && Math.max(...lastEdits) > 0 ? Math.max(...lastEdits) : null,
						padCount: own.length
					};
				})
			);
			return { edition: { id: edition.id, title: edition.title, timezone: edition.timezone }, now, tiles, alerts: rankAlerts(alerts), help };
		},

		/**
		 * The board for the desk page: every page open reloads on the same event, so the staff share one computation
		 * until the edition's next desk event (or SHARED_BOARD_MS). The access check is still each viewer's own.
		 */
		async sharedBoard(viewer: Viewer | null, editionId: string): Promise<FullBoard> {
			// The help queue is each viewer's own (« Vous y allez » is for whoever claimed): read per page, one query.
			const help = deps.help.pending(viewer, editionId);
			const kept = shared.get(editionId);
			if (kept?.fresh && performance.now() - kept.at < SHARED_BOARD_MS) return { ...kept.board, help };
			if (deps.events && !followed.has(editionId)) {
				followed.add(editionId);
				deps.events.subscribe(editionId, () => {
					const entry = shared.get(editionId);
					if (entry) entry.fresh = false;
				});
			}
			const board = await service.board(viewer, editionId);
			shared.set(editionId, { board, at: performance.now(), fresh: deps.events !== undefined });
			return board;
		},

		/** The room's workshop and edition, for the activity feed (pad rooms are named by pad, chat and drive by workshop). */
		ownerOfRoom(room: string): { editionId: string; workshopId: string } | null {
			const [kind, id] = room.split(':');
			if (!id || !deps.activity.isOpen()) return null;
			if (kind === 'pad') {
				const owner = deps.activity.workshopOfPad(id);
				return owner ? { editionId: owner.edition_id, workshopId: owner.workshop_id } : null;
			}
			const editionId = deps.activity.workshopEdition(id);
			return editionId ? { editionId, workshopId: id } : null;
		}
	};
	return service;
}
export type DeskService = ReturnType<typeof createDeskService>;
