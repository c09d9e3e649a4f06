// An edition's kit as the policy table lets the viewer read or curate it (server/domain/access/policy.ts, resource `kit`).
import { can } from '../domain/access/policy';
import { editionFacts } from '../domain/access/subject';
import type { AccessRules } from '../domain/editions/access';
import type { Viewer } from '../domain/types';
import { AppError } from '../shared/errors';

export function createKitAccess(access: AccessRules) {
	/** The edition when the viewer may `action` its kit; an unreadable edition answers not_found, as everywhere. */
	return function kitOf(viewer: Viewer | null, editionId: string, action: 'read' | 'curate') {
		const found = access.readable(viewer, editionId);
		if (can(found.access.subject, action, 'kit', editionFacts(found.edition))) return found;
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		throw new AppError('forbidden', 'error.kit.organisersOnly');
	};
}
export type KitAccess = ReturnType<typeof createKitAccess>;
