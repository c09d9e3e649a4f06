// Who may compose an edition's proceedings (the policy's `proceedings` row), and whether readers may see them.
import { can } from '../access/policy';
import { editionFacts } from '../access/subject';
import { AppError } from '../../shared/errors';
import type { AccessRules } from '../editions/access';
import type { EditionRow } from '../editions/editions.repo';
import type { Viewer } from '../types';

export function createEditorialAccess(access: AccessRules, lastVersion: (editionId: string) => number) {
	return {
		/** Facilitators and organisers of the edition (and admins) compose syntheses, links and versions. */
		editor(viewer: Viewer | null, editionId: string, action: 'write' | 'publish' = 'write'): { viewer: Viewer; edition: EditionRow } {
			const { edition, access: a } = access.readable(viewer, editionId);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!can(a.subject, action, 'proceedings', editionFacts(edition))) throw new AppError('forbidden', 'error.proceedings.editorsOnly');
			return { viewer, edition };
		},
		/** Published versions are read by anyone who reads the edition; nothing else leaks. */
		reader(viewer: Viewer | null, editionId: string, action: 'read' | 'export' = 'read'): EditionRow {
			const { edition, access: a } = access.readable(viewer, editionId);
			if (!can(a.subject, action, 'proceedings', { ...editionFacts(edition), proceedingsOut: lastVersion(editionId) > 0 })) {
				throw new AppError('not_found', 'error.proceedings.notPublished');
			}
			return edition;
		}
	};
}
export type EditorialAccess = ReturnType<typeof createEditorialAccess>;
