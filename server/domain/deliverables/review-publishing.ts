// Review and publishing: the review window and its comments, frozen versions with their credits, withdrawal.
import { deliverableCommentSchema, type DeliverableStatus } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { renderPadHtml, type PmNode } from '../pads/pad-html';
import { renderPadMarkdown } from '../pads/pad-markdown';
import type { Viewer } from '../types';
import type { DeliverablesContext } from './context';
import type { DeliverableRow } from './deliverables.repo';

export function createReviewAndPublishing({ deps, db, repo, now, readable, managed, changed, creditEntries }: DeliverablesContext) {
	function setStatus(row: DeliverableRow, status: DeliverableStatus) {
		db.transaction(() => {
			repo.setStatus(row.id, status, now());
			changed(row);
		})();
	}

	return {
		/** Opens the review window: the workshop's participants see the draft and comment. A published one may go back for its next version. */
		submitForReview(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (row.status !== 'draft' && row.status !== 'published') throw new AppError('conflict', 'error.deliverable.cannotReview');
			setStatus(row, 'review');
		},

		/**
		 * Freezes the pad's content now as the next version, with its licence and credits; the pad stays editable.
		 * `publishedAt` (Unix ms) is for replaying a past event (the demo seed): pages never pass it.
		 */
		async publish(viewer: Viewer | null, id: string, options: { publishedAt?: number } = {}): Promise<number> {
			const { row } = managed(viewer, id);
			if (!row.pad_id) throw new AppError('conflict', 'error.deliverable.padGone');
			const padId = row.pad_id;
			// A pad version marks what was frozen; the content is read from the same state, in the same turn.
			const snapshotId = (await deps.documents.saveVersion(padId)) ?? repo.latestPadSnapshot(padId);
			const content = (await deps.documents.currentContent(padId)) as PmNode;
			const html = renderPadHtml(content);
			const markdown = renderPadMarkdown(content);
			return db.transaction(() => {
				const current = repo.findById(id)!;
				const version = repo.lastVersion(id) + 1;
				repo.insertVersion({
					deliverable_id: id,
					version,
					title: current.title,
					summary: current.summary,
					licence: current.licence,
					html,
					markdown,
					credits_json: JSON.stringify(creditEntries(current)),
					pad_snapshot_id: snapshotId,
					published_by: viewer!.id,
					published_at: options.publishedAt === undefined ? now() : new Date(options.publishedAt).toISOString(),
					withdrawn_at: null
				});
				repo.setStatus(id, 'published', now());
				changed(current);
				return version;
			})();
		},

		/** A withdrawn deliverable stays in history, every version marked withdrawn. */
		withdraw(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (row.status === 'withdrawn' || repo.lastVersion(id) === 0) throw new AppError('conflict', 'error.deliverable.withdrawPublishedOnly');
			db.transaction(() => {
				repo.setStatus(id, 'withdrawn', now());
				repo.markWithdrawn(id, now());
				changed(row);
			})();
		},

		/** Review comments: the workshop's participants and facilitators, while the deliverable is in review. */
		comment(viewer: Viewer | null, id: string, raw: unknown): string {
			const { row, canReview } = readable(viewer, id);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!canReview) throw new AppError('forbidden', 'error.deliverable.participantsComment');
			if (row.status !== 'review') throw new AppError('conflict', 'error.deliverable.commentsDuringReview');
			const { body } = parseInput(deliverableCommentSchema, raw);
			const commentId = newId();
			repo.insertComment({ id: commentId, deliverable_id: id, author_id: viewer.id, body, created_at: now() });
			return commentId;
		}
	};
}
