// Help requests to the MédiaLab desk: asked from a workshop (or its join page), claimed by a facilitator, closed or cancelled.
import { z } from 'zod';
import type { Db } from '../../db/open';
import { hashToken } from '../../shared/crypto';
import { AppError } from '../../shared/errors';
import { newId, newToken } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { can } from '../access/policy';
import { editionFacts } from '../access/subject';
import type { CreditsService } from '../deliverables/credits';
import type { AccessRules } from '../editions/access';
import type { WorkshopsService } from '../programme/workshops.service';
import type { WorkshopsRepo } from '../programme/workshops.repo';
import type { Clock, Viewer } from '../types';
import type { DeskEvents } from './desk-events';
import type { HelpRequestRow, HelpRequestsRepo, HelpStatus } from './help-requests.repo';

export const helpRequestSchema = z.object({
	workshopId: z.string().trim().max(40).optional(),
	joinCode: z.string().trim().max(60).optional(),
	message: z.string().trim().max(280, 'tooLong').default(''),
	place: z.string().trim().max(80, 'tooLong').default(''),
	/** Only for someone without an account on the join page. */
	name: z.string().trim().max(60, 'tooLong').default('')
});

/** What the asker sees of their own request. */
export type HelpRequestState = { id: string; status: HelpStatus; claimedByName: string | null; workshopTitle: string };
/** What the desk sees. */
export type HelpRequestView = {
	id: string;
	workshopId: string;
	workshopTitle: string;
	requesterName: string;
	message: string;
	place: string;
	status: HelpStatus;
	createdAt: number;
	claimedAt: number | null;
	claimedByName: string | null;
	claimedByMe: boolean;
};

type Deps = {
	db: Db;
	clock: Clock;
	access: AccessRules;
	workshops: WorkshopsService;
	workshopsRepo: WorkshopsRepo;
	repo: HelpRequestsRepo;
	events: DeskEvents;
	/** People with an account are named by their credit choice for the edition, as it is when the request is shown. */
	credits: Pick<CreditsService, 'display'>;
};

export function createHelpRequestsService(deps: Deps) {
	const { repo, clock, events } = deps;

	/** The edition's staff only; anyone else learns nothing, not even that the edition exists. */
	function staffOf(viewer: Viewer | null, editionId: string) {
		const { edition, access } = deps.access.readable(viewer, editionId);
		if (!viewer || !can(access.subject, 'moderate', 'helpRequest', editionFacts(edition))) throw new AppError('not_found', 'error.edition.notFound');
		return viewer;
	}

	function staffRequest(viewer: Viewer | null, id: string) {
		const row = repo.findById(id);
		if (!row) throw new AppError('not_found', 'error.desk.helpNotFound');
		return { row, viewer: staffOf(viewer, row.edition_id) };
	}

	/** The asker's own request: the token they got when asking is the proof (guests change devices rarely, accounts never need it twice). */
	function ownRequest(id: string, token: string) {
		const row = repo.findById(id);
		if (!row || row.token_hash !== hashToken(token)) throw new AppError('not_found', 'error.desk.helpNotFound');
		return row;
	}

	/** Today's name of whoever the row names; someone without an account keeps the name they typed. */
	const nameIn = (editionId: string, userId: string | null, stored: string) => (userId ? deps.credits.display(userId, editionId) : stored);
	const claimerOf = (row: HelpRequestRow) => (row.claimed_by_name === null ? null : nameIn(row.edition_id, row.claimed_by, row.claimed_by_name));

	/** Who is asking, and from which workshop: a member of the workshop, or whoever holds its join code. */
	function askerIn(viewer: Viewer | null, input: z.infer<typeof helpRequestSchema>) {
		if (input.joinCode) {
			const { workshop, edition } = deps.workshops.peekJoin(input.joinCode);
			const name = viewer ? deps.credits.display(viewer.id, edition.id) : input.name;
			if (!name) throw new AppError('invalid', 'error.desk.nameNeeded', { name: 'required' });
			return { workshopId: workshop.id, editionId: edition.id, name };
		}
		if (!input.workshopId) throw new AppError('invalid', 'error.desk.workshopNeeded', { workshopId: 'required' });
		const rights = deps.workshops.rights(viewer, input.workshopId);
		if (!viewer || !rights.can('write', 'helpRequest')) throw new AppError('forbidden', 'error.desk.membersAsk');
		return { workshopId: rights.workshop.id, editionId: rights.edition.id, name: deps.credits.display(viewer.id, rights.edition.id) };
	}

	function view(row: HelpRequestRow, viewer: Viewer): HelpRequestView {
		return {
			id: row.id,
			workshopId: row.workshop_id,
			workshopTitle: deps.workshopsRepo.findById(row.workshop_id)?.title ?? '',
			requesterName: nameIn(row.edition_id, row.requester_id, row.requester_name),
			message: row.message,
			place: row.place,
			status: row.status,
			createdAt: row.created_at,
			claimedAt: row.claimed_at,
			claimedByName: claimerOf(row),
			claimedByMe: row.claimed_by === viewer.id
		};
	}

	const announce = (row: { edition_id: string; id: string }) => events.publish({ type: 'help', editionId: row.edition_id, requestId: row.id });

	return {
		/** Returns the token that lets the asker follow and cancel their request. */
		create(viewer: Viewer | null, raw: unknown): { id: string; token: string } {
			const input = parseInput(helpRequestSchema, raw);
			const asker = askerIn(viewer, input);
			const id = newId();
			const token = newToken();
			repo.insert({
				id,
				edition_id: asker.editionId,
				workshop_id: asker.workshopId,
				requester_id: viewer?.id ?? null,
				requester_name: asker.name,
				token_hash: hashToken(token),
				message: input.message,
				place: input.place,
				status: 'open',
				created_at: clock()
			});
			announce({ edition_id: asker.editionId, id });
			return { id, token };
		},

		state(id: string, token: string): HelpRequestState {
			const row = ownRequest(id, token);
			return { id: row.id, status: row.status, claimedByName: claimerOf(row), workshopTitle: deps.workshopsRepo.findById(row.workshop_id)?.title ?? '' };
		},

		cancel(id: string, token: string) {
			const row = ownRequest(id, token);
			if (repo.finish(row.id, 'cancelled', clock())) announce(row);
		},

		/** The desk's queue: open and claimed requests of the edition. */
		pending(viewer: Viewer | null, editionId: string): HelpRequestView[] {
			const staff = staffOf(viewer, editionId);
			return repo.listPending(editionId).map((row) => view(row, staff));
		},

		claim(viewer: Viewer | null, id: string): HelpRequestView {
			const { row, viewer: staff } = staffRequest(viewer, id);
			if (!repo.claim(row.id, { id: staff.id, name: nameIn(row.edition_id, staff.id, staff.displayName) }, clock())) {
				throw new AppError('conflict', row.status === 'claimed' ? `already claimed by ${claimerOf(row)}` : 'this request is over');
			}
			announce(row);
			return view(repo.findById(row.id)!, staff);
		},

		close(viewer: Viewer | null, id: string) {
			const { row } = staffRequest(viewer, id);
			if (repo.finish(row.id, 'done', clock())) announce(row);
		},

		/** Key figures: how many, how many answered, and the median wait before someone came. */
		figures(viewer: Viewer | null, editionId: string) {
			staffOf(viewer, editionId);
			const rows = repo.listAll(editionId);
			const waits = rows.filter((r) => r.claimed_at !== null).map((r) => r.claimed_at! - r.created_at).sort((a, b) => a - b);
			return {
				count: rows.length,
				claimed: waits.length,
				cancelled: rows.filter((r) => r.status === 'cancelled').length,
				medianMsToClaim: waits.length ? waits[Math.floor((waits.length - 1) / 2)]! : null
			};
		}
	};
}
export type HelpRequestsService = ReturnType<typeof createHelpRequestsService>;
