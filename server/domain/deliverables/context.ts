// What every deliverable use case shares: the repo, the outbox, the clock, and the policy's answers for a deliverable.
import type { LiveDocuments } from '../ports';
import type { Db } from '../../db/open';
import type { DeliverableStatus } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import type { AccessRules } from '../editions/access';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { PadsService } from '../pads/pads.service';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Clock, Viewer } from '../types';
import type { CreditEntry, CreditsService } from './credits';
import { createDeliverablesRepo, type DeliverableRow } from './deliverables.repo';

export type DeliverablesDeps = { db: Db; clock: Clock; access: AccessRules; workshops: WorkshopsService; pads: PadsService; documents: LiveDocuments; credits: CreditsService };

const deliverableFacts = (status: DeliverableStatus) => ({
	deliverableOut: status === 'published' || status === 'withdrawn',
	deliverableShared: status !== 'draft'
});

export function createDeliverablesContext(deps: DeliverablesDeps) {
	const { db } = deps;
	const repo = createDeliverablesRepo(db);
	const outbox = createOutboxRepo(db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();

	/** The workshop as the viewer sees it, and what the policy lets them do with its deliverables. */
	function inWorkshop(viewer: Viewer | null, workshopId: string) {
		const found = deps.workshops.get(viewer, workshopId);
		const rights = deps.workshops.rights(viewer, workshopId);
		return {
			...found,
			canManage: rights.can('curate', 'deliverable'),
			canReview: rights.can('write', 'deliverable', { deliverableShared: true }),
			canSee: (status: DeliverableStatus) => rights.can('read', 'deliverable', deliverableFacts(status))
		};
	}
	const visibleTo = (rights: { canSee: (status: DeliverableStatus) => boolean }, status: DeliverableStatus) => rights.canSee(status);

	function readable(viewer: Viewer | null, id: string) {
		const row = repo.findById(id);
		if (!row) throw new AppError('not_found', 'error.deliverable.notFound');
		const found = inWorkshop(viewer, row.workshop_id);
		if (!visibleTo(found, row.status)) throw new AppError('not_found', 'error.deliverable.notFound');
		return { row, ...found };
	}
	function managed(viewer: Viewer | null, id: string) {
		const found = readable(viewer, id);
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (!found.canManage) throw new AppError('forbidden', 'error.deliverable.facilitatorsOnly');
		return found;
	}

	const changed = (row: Pick<DeliverableRow, 'id' | 'edition_id' | 'workshop_id'>) =>
		outbox.record('deliverable.changed', row.id, { editionId: row.edition_id, workshopId: row.workshop_id });

	/** Who is credited: everyone who wrote in the pad, the workshop's facilitators, and the helpers; each person once, in their first role. */
	function creditEntries(row: DeliverableRow): CreditEntry[] {
		const seen = new Set<string>();
		const entries: CreditEntry[] = [];
		const add = (userId: string, role: CreditEntry['role']) => {
			if (seen.has(userId)) return;
			seen.add(userId);
			entries.push({ userId, role });
		};
		if (row.pad_id) for (const id of repo.padAuthorIds(row.pad_id)) add(id, 'author');
		for (const id of repo.facilitatorIds(row.workshop_id)) add(id, 'facilitator');
		for (const h of repo.helpersOf(row.id)) {
			if (h.user_id) add(h.user_id, 'helper');
			else if (h.name) entries.push({ name: h.name, role: 'helper' });
		}
		return entries;
	}

	return { deps, db, repo, outbox, now, inWorkshop, visibleTo, readable, managed, changed, creditEntries };
}
export type DeliverablesContext = ReturnType<typeof createDeliverablesContext>;
