// A workshop's listed speakers claimed by their own account through a single-use link the organiser hands over.
import { statementCache, type Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { speakerClaimSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import { can } from '../access/policy';
import { editionFacts } from '../access/subject';
import type { AccessRules } from '../editions/access';
import type { EditionsRepo } from '../editions/editions.repo';
import { issueLinkToken, usableLink } from '../editions/invite-token';
import { roleRank } from '../editions/members.service';
import type { Clock, Viewer } from '../types';
import { listedSpeakers } from './listed-speakers';
import type { WorkshopsRepo } from './workshops.repo';

const CLAIM_DAYS = 30;

export type SpeakerClaimRow = {
	id: string;
	token_hash: string;
	workshop_id: string;
	speaker_name: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_by: string | null;
	used_at: string | null;
};


function createClaimsRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		insert: (row: SpeakerClaimRow) =>
			prepare(
				`INSERT INTO speaker_claims (id, token_hash, workshop_id, speaker_name, created_by, created_at, expires_at, used_by, used_at)
				 VALUES (@id, @token_hash, @workshop_id, @speaker_name, @created_by, @created_at, @expires_at, @used_by, @used_at)`
			).run(row),
		findByHash: (hash: string) => prepare<[string], SpeakerClaimRow>('SELECT * FROM speaker_claims WHERE token_hash = ?').get(hash),
		forWorkshop: (workshopId: string) =>
			prepare<[string], SpeakerClaimRow & { display_name: string | null }>(
				`SELECT c.*, u.display_name FROM speaker_claims c LEFT JOIN users u ON u.id = c.used_by WHERE c.workshop_id = ? ORDER BY c.created_at`
			).all(workshopId),
		/** Single use: only succeeds while unused, and while no one else claimed the same name meanwhile. */
		markUsed: (id: string, userId: string, now: string) =>
			prepare(
				`UPDATE speaker_claims SET used_by = ?, used_at = ? WHERE id = ? AND used_at IS NULL
				 AND NOT EXISTS (SELECT 1 FROM speaker_claims o WHERE o.workshop_id = speaker_claims.workshop_id
				   AND o.speaker_name = speaker_claims.speaker_name AND o.used_at IS NOT NULL)`
			).run(userId, now, id).changes === 1,
		/** Other open links for a name just claimed stop working. */
		dropOpenFor: (workshopId: string, name: string) => prepare('DELETE FROM speaker_claims WHERE workshop_id = ? AND speaker_name = ? AND used_at IS NULL').run(workshopId, name),
		delete: (workshopId: string, id: string) => prepare('DELETE FROM speaker_claims WHERE workshop_id = ? AND id = ?').run(workshopId, id).changes,
		addFacilitator: (workshopId: string, userId: string) =>
			prepare('INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(workshopId, userId),
		/** Claimed names per workshop of an edition: the programme shows them once, as the facilitator they became. */
		claimedNames: (editionId: string) =>
			prepare<[string], { workshop_id: string; speaker_name: string }>(
				`SELECT c.workshop_id, c.speaker_name FROM speaker_claims c JOIN workshops w ON w.id = c.workshop_id
				 JOIN workshop_facilitators f ON f.workshop_id = c.workshop_id AND f.user_id = c.used_by WHERE w.edition_id = ?`
			).all(editionId)
	};
}

export function createSpeakerClaims(deps: { db: Db; clock: Clock; access: AccessRules; editions: EditionsRepo; workshops: WorkshopsRepo }) {
	const { db, access, workshops } = deps;
	const repo = createClaimsRepo(db);
	const iso = () => new Date(deps.clock()).toISOString();

	/** The policy's « invite » on a workshop: organisers of its edition. */
	function invitable(viewer: Viewer | null, workshopId: string) {
		const row = workshops.findById(workshopId);
		if (!row) throw new AppError('not_found', 'error.workshop.notFound');
		const { edition, access: rights } = access.readable(viewer, row.edition_id);
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (!can(rights.subject, 'invite', 'workshop', editionFacts(edition))) throw new AppError('forbidden', 'error.edition.organisersOnly');
		return row;
	}

	function peek(token: string) {
		const claim = usableLink(repo.findByHash, token, deps.clock());
		const workshop = workshops.findById(claim.workshop_id)!;
		return { claim, workshop, edition: deps.editions.findById(workshop.edition_id)! };
	}

	return {
		claimedNames: repo.claimedNames,

		/** Each listed speaker with the account that claimed the name, or the links still open for it. */
		list(viewer: Viewer | null, workshopId: string) {
			const row = invitable(viewer, workshopId);
			const now = iso();
			const claims = repo.forWorkshop(row.id);
			return listedSpeakers(row.speakers).map((name) => {
				const mine = claims.filter((c) => c.speaker_name === name);
				const used = mine.find((c) => c.used_at);
				return {
					name,
					claim: used ? { id: used.id, userId: used.used_by, displayName: used.display_name ?? '' } : null,
					openLinks: mine.filter((c) => !c.used_at && c.expires_at > now).map((c) => ({ id: c.id, expiresAt: c.expires_at }))
				};
			});
		},

		/** Returns the secret token once; only its hash is stored. */
		create(viewer: Viewer | null, workshopId: string, raw: unknown): { token: string; id: string } {
			const row = invitable(viewer, workshopId);
			const { name } = parseInput(speakerClaimSchema, raw);
			if (!listedSpeakers(row.speakers).includes(name)) throw new AppError('invalid', 'error.speakerClaim.notListed', { name: 'notListed' });
			if (repo.forWorkshop(row.id).some((c) => c.speaker_name === name && c.used_at)) throw new AppError('conflict', 'error.speakerClaim.alreadyClaimed', { name: 'alreadyClaimed' });
			const { token, ...issued } = issueLinkToken(deps.clock(), CLAIM_DAYS);
			const id = newId();
			repo.insert({ id, ...issued, workshop_id: row.id, speaker_name: name, created_by: viewer!.id, used_by: null, used_at: null });
			return { token, id };
		},

		/** An open link stops working; a used one unlinks the name (the person stays facilitator until removed). */
		revoke(viewer: Viewer | null, workshopId: string, claimId: string) {
			invitable(viewer, workshopId);
			if (repo.delete(workshopId, claimId) === 0) throw new AppError('conflict', 'error.speakerClaim.gone');
		},

		/** What a claim link offers, without using it. */
		peek,

		accept(viewer: Viewer | null, token: string): { editionId: string; workshopId: string } {
			if (!viewer || viewer.isGuest) throw new AppError('unauthenticated', 'error.invite.accountRequired');
			const { claim, workshop } = peek(token);
			return db.transaction(() => {
				const now = iso();
				if (!repo.markUsed(claim.id, viewer.id, now)) throw new AppError('conflict', 'error.invite.used', { _: 'inviteUsed' });
				repo.dropOpenFor(workshop.id, claim.speaker_name);
				repo.addFacilitator(workshop.id, viewer.id);
				const current = deps.editions.findRole(workshop.edition_id, viewer.id);
				if (!current || roleRank[current] < roleRank.facilitator) deps.editions.upsertMember(workshop.edition_id, viewer.id, 'facilitator', now);
				return { editionId: workshop.edition_id, workshopId: workshop.id };
			})();
		}
	};
}
export type SpeakerClaims = ReturnType<typeof createSpeakerClaims>;
