// Edition membership: single-use invite links for organisers and facilitators, roles, leaving.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { inviteSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { EditionRole } from '../../shared/vocabulary';
import type { Clock, Viewer } from '../types';
import type { AccessRules } from './access';
import type { EditionsRepo } from './editions.repo';
import { issueLinkToken, usableLink } from './invite-token';

const INVITE_DAYS = 14;
export const roleRank: Record<EditionRole, number> = { participant: 0, facilitator: 1, organiser: 2 };

export function createMembersService(deps: { db: Db; clock: Clock; repo: EditionsRepo; access: AccessRules }) {
	const { db, repo, access } = deps;
	const iso = (ms: number) => new Date(ms).toISOString();

	function peekInvite(token: string) {
		const invite = usableLink(repo.findInviteByHash, token, deps.clock());
		return { invite, edition: repo.findById(invite.edition_id)! };
	}

	return {
		list(viewer: Viewer | null, editionId: string) {
			access.managed(viewer, editionId);
			return { members: repo.listMembers(editionId), invites: repo.listOpenInvites(editionId, iso(deps.clock())) };
		},

		/** Returns the secret token once; only its hash is stored. */
		createInvite(viewer: Viewer | null, editionId: string, raw: unknown): { token: string; id: string } {
			access.managed(viewer, editionId);
			const input = parseInput(inviteSchema, raw);
			const { token, ...issued } = issueLinkToken(deps.clock(), INVITE_DAYS);
			const id = newId();
			repo.insertInvite({ id, ...issued, edition_id: editionId, role: input.role, note: input.note, created_by: viewer!.id, used_by: null, used_at: null });
			return { token, id };
		},

		revokeInvite(viewer: Viewer | null, editionId: string, inviteId: string) {
			access.managed(viewer, editionId);
			if (repo.deleteInvite(editionId, inviteId) === 0) throw new AppError('conflict', 'error.invite.usedOrRevoked', { _: 'inviteUsed' });
		},

		/** What an invite link offers, without using it. */
		peekInvite,

		acceptInvite(viewer: Viewer | null, token: string): { editionId: string; role: EditionRole } {
			if (!viewer || viewer.isGuest) throw new AppError('unauthenticated', 'error.invite.accountRequired');
			const { invite } = peekInvite(token);
			return db.transaction(() => {
				if (!repo.markInviteUsed(invite.id, viewer.id, iso(deps.clock()))) throw new AppError('conflict', 'error.invite.used', { _: 'inviteUsed' });
				const current = repo.findRole(invite.edition_id, viewer.id);
				// An invite never demotes: an organiser following a facilitator link stays organiser.
				const role = current && roleRank[current] > roleRank[invite.role] ? current : invite.role;
				repo.upsertMember(invite.edition_id, viewer.id, role, iso(deps.clock()));
				return { editionId: invite.edition_id, role };
			})();
		},

		/** Adds the viewer as a participant unless they already have a role. */
		ensureParticipant(editionId: string, userId: string) {
			if (!repo.findRole(editionId, userId)) repo.upsertMember(editionId, userId, 'participant', iso(deps.clock()));
		},

		changeRole(viewer: Viewer | null, editionId: string, userId: string, role: EditionRole) {
			access.managed(viewer, editionId);
			db.transaction(() => {
				const current = repo.findRole(editionId, userId);
				if (!current) throw new AppError('not_found', 'error.member.notFound');
				if (current === 'organiser' && role !== 'organiser' && repo.countOrganisers(editionId) === 1) {
					throw new AppError('conflict', 'error.member.lastOrganiser', { _: 'lastOrganiser' });
				}
				repo.upsertMember(editionId, userId, role, iso(deps.clock()));
			})();
		}
	};
}
export type MembersService = ReturnType<typeof createMembersService>;
