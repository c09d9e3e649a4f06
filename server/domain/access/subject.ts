// Who the viewer is in an edition or one of its workshops (the policy's row), and the facts a decision reads.
import { editionStateOf, type EditionRole, type EditionStatus, type WorkshopStatus } from '../../shared/vocabulary';
import type { Viewer } from '../types';
import type { Role, Situation } from './policy';

/** The viewer's role for the edition as a whole. */
export function roleInEdition(viewer: Viewer | null, editionRole: EditionRole | null): Role {
	if (!viewer) return 'anonymous';
	if (viewer.isAdmin) return 'admin';
	if (editionRole === 'organiser' || editionRole === 'facilitator') return editionRole;
	if (editionRole === 'participant') return viewer.isGuest ? 'guest' : 'participant';
	return 'reader';
}

/** The viewer's role for one workshop: taking part in another workshop of the edition makes a `member`, not a participant here. */
export function roleInWorkshop(viewer: Viewer | null, editionRole: EditionRole | null, isParticipant: boolean): Role {
	const role = roleInEdition(viewer, editionRole);
	if (role !== 'guest' && role !== 'participant') return isParticipant && viewer ? (viewer.isGuest ? 'guest' : 'participant') : role;
	return isParticipant ? role : 'member';
}

type EditionFacts = { status: EditionStatus; archived_at?: string | null; chat_public: number; workspace_public: number };

export function editionFacts(edition: EditionFacts): Situation {
	const state = editionStateOf(edition);
	// An archived edition is still published for its readers; what it loses is every write.
	return { published: state !== 'draft', notArchived: state !== 'archived', chatPublic: edition.chat_public === 1, workspacePublic: edition.workspace_public === 1 };
}

export function workshopFacts(edition: EditionFacts, status: WorkshopStatus, padsLocked = false): Situation {
	return { ...editionFacts(edition), closed: status === 'closed', notLocked: !padsLocked };
}

/** The viewer's row for account data, which belongs to no edition: anonymous, a signed-in reader, or an admin. */
export const accountRole = (viewer: Viewer | null): Role => roleInEdition(viewer, null);

/** The facts of a decision on account data: whether it is the viewer's own. */
export const ownData = (viewer: Viewer | null, ownerId: string): Situation => ({ self: viewer !== null && viewer.id === ownerId });
