// Deliverables: facilitators turn a pad into a titled, licensed document, open it for review, publish frozen versions, withdraw.
import type { DeliverableStatus } from '../../shared/deliverable-schemas';
import { createDeliverablesContext, type DeliverablesDeps } from './context';
import { createDrafting } from './drafting';
import { createReading } from './reading';
import { createReviewAndPublishing } from './review-publishing';

export type DeliverableSummary = { id: string; padId: string | null; title: string; summary: string; status: DeliverableStatus; licence: string; version: number; updatedAt: string };

export function createDeliverablesService(deps: DeliverablesDeps) {
	const context = createDeliverablesContext(deps);
	return {
		/** A published deliverable made this drive file public: its readers must see the images it shows. */
		showsFile: (fileId: string) => context.repo.showsFile(fileId),
		...createDrafting(context),
		...createReviewAndPublishing(context),
		...createReading(context)
	};
}
export type DeliverablesService = ReturnType<typeof createDeliverablesService>;
