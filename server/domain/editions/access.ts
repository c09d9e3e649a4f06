// An edition's access as the pages need it, read from the policy table (server/domain/access/policy.ts).
import { can, type Role } from '../access/policy';
import { editionFacts, roleInEdition } from '../access/subject';
import { AppError } from '../../shared/errors';
import type { EditionRole } from '../../shared/vocabulary';
import type { Viewer } from '../types';
import type { EditionRow, EditionsRepo } from './editions.repo';

export type Access = { role: EditionRole | null; subject: Role; canRead: boolean; canFacilitate: boolean; canManage: boolean };

export function createAccessRules(repo: EditionsRepo) {
	function accessTo(viewer: Viewer | null, edition: EditionRow): Access {
		const role = viewer ? (repo.findRole(edition.id, viewer.id) ?? null) : null;
		const subject = roleInEdition(viewer, role);
		const facts = editionFacts(edition);
		return {
			role,
			subject,
			canManage: can(subject, 'administer', 'edition', facts),
			canFacilitate: can(subject, 'moderate', 'workshop', facts),
			canRead: can(subject, 'read', 'edition', facts)
		};
	}
	/** Unreadable editions answer not_found, so a guessed id reveals nothing. */
	function readable(viewer: Viewer | null, editionId: string): { edition: EditionRow; access: Access } {
		const edition = repo.findById(editionId);
		if (!edition) throw new AppError('not_found', 'error.edition.notFound');
		const access = accessTo(viewer, edition);
		if (!access.canRead) throw new AppError('not_found', 'error.edition.notFound');
		return { edition, access };
	}
	return {
		accessTo,
		readable,
		managed(viewer: Viewer | null, editionId: string): { edition: EditionRow; access: Access } {
			const found = readable(viewer, editionId);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!found.access.canManage) throw new AppError('forbidden', 'error.edition.organisersOnly');
			return found;
		}
	};
}
export type AccessRules = ReturnType<typeof createAccessRules>;
