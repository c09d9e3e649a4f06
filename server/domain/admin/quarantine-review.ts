// The instance administrators' view of quarantined real-time rows, with their authors' names; the policy decides who sees it.
import { AppError } from '../../shared/errors';
import { can } from '../access/policy';
import { accountRole } from '../access/subject';
import type { QuarantineLog, QuarantinedUpdate } from '../ports';
import type { Viewer } from '../types';

export type QuarantineEntry = QuarantinedUpdate & { authorName: string | null };

export function createQuarantineReview(deps: { log: QuarantineLog; nameOf: (userId: string) => string | null }) {
	return {
		/** Instance administrators only: anyone else is told the page does not exist (404), revealing nothing. */
		async list(viewer: Viewer | null): Promise<QuarantineEntry[]> {
			if (!can(accountRole(viewer), 'administer', 'instance')) throw new AppError('not_found', 'error.notFound');
			const rows = await deps.log.list();
			const names = new Map<string, string | null>();
			for (const id of new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))) names.set(id, deps.nameOf(id));
			return rows.map((r) => ({ ...r, authorName: r.authorId ? (names.get(r.authorId) ?? r.authorId) : null }));
		}
	};
}
export type QuarantineReview = ReturnType<typeof createQuarantineReview>;
