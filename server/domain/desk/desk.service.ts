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

type Deps = {
	clock: Clock;
	workshops: WorkshopsService;
	activity: DeskActivityRepo;
	help: HelpRequestsService;
	feed: ActivityFeed | null;
	/** People present are named by their credit choice for the edition. */
	credits: Pick<CreditsService, 'display'>;
};

/** An edition-local 'YYYY-MM-DDTHH:MM' as an instant, using the offset the edition's zone has now. */
function localToMs(local: string, now: number, timeZone: string): number {
	const offset = Date.parse(`${localDateTime(now, timeZone)}Z`) - now;
	return Date.parse(`${local}Z`) - offset;
}

export function createDeskService(deps: Deps) {
	function presentIn(editionId: string, workshopId: string, padIds: string[]): string[] {
		if (!deps.feed) return [];
		const rooms = [`chat:${workshopId}`, `drive:${workshopId}`, ...padIds.map((id) => `pad:${id}`)];
		const ids = new Set<string>();
		// Connections without an account (read-only visitors) have no name to show.
		for (const room of rooms) for (const id of deps.feed.presence(room)) if (id) ids.add(id);
		return [...ids].map((id) => deps.credits.display(id, editionId)).sort((a, b) => a.localeCompare(b));
	}

	return {
		/** Staff of the edition only (the help queue decides: not_found for anyone else). */
		board(viewer: Viewer | null, editionId: string): DeskBoard & { edition: { id: string; title: string; timezone: string } } {
			const help = deps.help.pending(viewer, editionId);
			const programme = deps.workshops.programme(viewer, editionId);
			const now = deps.clock();
			const edition = programme.edition;
			const pads = deps.activity.padsOfEdition(editionId, now);
			const withDeliverable = deps.activity.workshopsWithDeliverable(editionId);
			const settings = { emptyPadMinutes: edition.desk_empty_pad_minutes ?? 20, idlePadMinutes: IDLE_PAD_MINUTES, closeDelayMinutes: edition.close_delay_minutes ?? 120 };
			const alerts: DeskAlert[] = [];
			const tiles = programme.workshops
				.filter((w) => !w.cancelled)
				.map((w): DeskTile => {
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
								openHelp
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
						present: presentIn(editionId, w.id, own.map((p) => p.padId)),
						activity: own.reduce((sum, p) => sum.map((n, i) => n + p.perMinute[i]!), Array<number>(15).fill(0)),
						lastEditAt: lastEdits.length && Math.max(...lastEdits) > 0 ? Math.max(...lastEdits) : null,
						padCount: own.length
					};
				});
			return { edition: { id: edition.id, title: edition.title, timezone: edition.timezone }, now, tiles, alerts: rankAlerts(alerts), help };
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
}
export type DeskService = ReturnType<typeof createDeskService>;
