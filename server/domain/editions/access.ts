// Who may read, facilitate or manage an edition: the one place these rules live.
import { AppError } from '../../shared/errors';
import type { EditionRole } from '../../shared/vocabulary';
import type { Viewer } from '../types';
import type { EditionRow, EditionsRepo } from './editions.repo';

export type Access = { role: EditionRole | null; canRead: boolean; canFacilitate: boolean; canManage: boolean };

export function createAccessRules(repo: EditionsRepo) {
	function accessTo(viewer: Viewer | null, edition: EditionRow): Access {
		const role = viewer ? (repo.findRole(edition.id, viewer.id) ?? null) : null;
		const admin = viewer?.isAdmin === true;
		const canManage = admin || role === 'organiser';
		return {
			role,
			canManage,
			canFacilitate: canManage || role === 'facilitator',
			canRead: canManage || role !== null || edition.status === 'published'
		};
	}
	/** Unreadable editions answer not_found, so a guessed id reveals nothing. */
	function readable(viewer: Viewer | null, editionId: string): { edition: EditionRow; access: Access } {
		const edition = repo.findById(editionId);
		if (!edition) throw new AppError('not_found', 'edition not found');
		const access = accessTo(viewer, edition);
		if (!access.canRead) throw new AppError('not_found', 'edition not found');
		return { edition, access };
	}
	return {
		accessTo,
		readable,
		managed(viewer: Viewer | null, editionId: string): { edition: EditionRow; access: Access } {
			const found = readable(viewer, editionId);
			if (!viewer) throw new AppError('unauthenticated', 'log in first');
			if (!found.access.canManage) throw new AppError('forbidden', 'only organisers can change this edition');
			return found;
		}
	};
}
export type AccessRules = ReturnType<typeof createAccessRules>;
