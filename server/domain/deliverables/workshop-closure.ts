// When a workshop's pads turn read-only for participants: its end plus the edition's delay, unless a facilitator says otherwise.
import type { Db } from '../../db/open';
import { closeDelaySchema } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/validate';
import type { AccessRules } from '../editions/access';
import { createOutboxRepo } from '../outbox/outbox.repo';
import { localDateTime, workshopStatus } from '../programme/workshop-status';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Clock, Viewer } from '../types';

export type PadsOverride = 'reopened' | 'locked';
export type Closure = { locked: boolean; override: PadsOverride | null; closesAt: string; delayMinutes: number };

type ClosureRow = {
	ends_at: string;
	starts_at: string;
	status_override: 'upcoming' | 'live' | 'closed' | null;
	pads_override: PadsOverride | null;
	timezone: string;
	close_delay_minutes: number;
	edition_id: string;
};

/** 'YYYY-MM-DDTHH:MM' plus minutes, staying in the same local clock. */
export function addMinutes(local: string, minutes: number): string {
	return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

export function createWorkshopClosure(deps: { db: Db; clock: Clock; access: AccessRules; workshops: WorkshopsService }) {
	const { db } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const findRow = db.prepare<[string], ClosureRow>(
		`SELECT w.ends_at, w.starts_at, w.status_override, w.pads_override, w.edition_id, e.timezone, e.close_delay_minutes
		 FROM workshops w JOIN editions e ON e.id = w.edition_id WHERE w.id = ?`
	);

	const findPadWorkshop = db.prepare<[string], string>('SELECT workshop_id FROM pads WHERE id = ?').pluck();

	/** No access check: the caller has already read the workshop. */
	function closureOf(workshopId: string): Closure {
		const row = findRow.get(workshopId);
		if (!row) throw new AppError('not_found', 'error.workshop.notFound');
		const closesAt = addMinutes(row.ends_at, row.close_delay_minutes);
		const nowLocal = localDateTime(deps.clock(), row.timezone);
		const byTimetable = workshopStatus(row, nowLocal) === 'closed' && nowLocal >= closesAt;
		const locked = row.pads_override === 'locked' || (row.pads_override !== 'reopened' && byTimetable);
		return { locked, override: row.pads_override, closesAt, delayMinutes: row.close_delay_minutes };
	}

	function setOverride(viewer: Viewer | null, workshopId: string, override: PadsOverride | null) {
		const { access, edition } = deps.workshops.get(viewer, workshopId);
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (!access.canFacilitate) throw new AppError('forbidden', 'error.workshop.facilitatorsClose');
		db.transaction(() => {
			db.prepare('UPDATE workshops SET pads_override = ?, pads_override_at = ? WHERE id = ?').run(override, new Date(deps.clock()).toISOString(), workshopId);
			outbox.record('workshop.changed', workshopId, { editionId: edition.id });
		})();
		return closureOf(workshopId);
	}

	return {
		closureOf,

		/** The workshop's closure as this viewer sees it; `readOnly` is what their pads editor must be. */
		get(viewer: Viewer | null, workshopId: string) {
			const { access } = deps.workshops.get(viewer, workshopId);
			const closure = closureOf(workshopId);
			return { ...closure, canReopen: access.canFacilitate, readOnly: closure.locked && !access.canFacilitate };
		},

		/** Whether the pad's workshop has locked its pads (for anyone but facilitators): one query, no access check. */
		padLocked(padId: string): boolean {
			const workshopId = findPadWorkshop.get(padId);
			return workshopId !== undefined && closureOf(workshopId).locked;
		},

		/** Facilitators reopen a closed workshop for corrections… */
		reopen: (viewer: Viewer | null, workshopId: string) => setOverride(viewer, workshopId, 'reopened'),
		/** …and close it again (or early). */
		close: (viewer: Viewer | null, workshopId: string) => setOverride(viewer, workshopId, 'locked'),
		/** Back to « closes after the slot plus the delay ». */
		followTimetable: (viewer: Viewer | null, workshopId: string) => setOverride(viewer, workshopId, null),

		setCloseDelay(viewer: Viewer | null, editionId: string, raw: unknown) {
			deps.access.managed(viewer, editionId);
			const { minutes } = parseInput(closeDelaySchema, raw);
			db.transaction(() => {
				db.prepare('UPDATE editions SET close_delay_minutes = ?, updated_at = ? WHERE id = ?').run(minutes, new Date(deps.clock()).toISOString(), editionId);
				outbox.record('edition.changed', editionId);
			})();
		},
		closeDelayOf: (editionId: string) => db.prepare('SELECT close_delay_minutes FROM editions WHERE id = ?').pluck().get(editionId) as number
	};
}
export type WorkshopClosure = ReturnType<typeof createWorkshopClosure>;
