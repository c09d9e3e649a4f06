// Assisted contribution (« aidant »): a facilitator writes in a pad on behalf of a participant present, who accepts on
// their device (or is marked present when they have none); the edits are the participant's, « avec l'aide de » them.
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import type { CreditsService } from '../deliverables/credits';
import type { PadsService } from '../pads/pads.service';
import type { ActivityFeed } from '../ports';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Clock, Viewer } from '../types';
import type { AssistedSessionsRepo, AssistedView } from './assisted-sessions.repo';

export const assistedAskSchema = z.object({
	participantId: z.string().trim().min(1, 'required').max(40),
	/** 'ask': the person accepts on their device; 'markPresent': they have none, the facilitator vouches they are here. */
	mode: z.enum(['ask', 'markPresent'], 'invalidChoice').default('ask')
});
export const assistedAnswerSchema = z.object({ accept: z.boolean() });

type Deps = {
	clock: Clock;
	workshops: WorkshopsService;
	pads: PadsService;
	credits: CreditsService;
	feed: ActivityFeed | null;
	repo: AssistedSessionsRepo;
};

export type AssistedSession = { id: string; padId: string; participantId: string; participantName: string; helperName: string; status: AssistedView['status']; consent: AssistedView['consent'] };
/** What the facilitator's editor needs to write as the participant: the room, and the names its carets show. */
export type WritingAs = { room: string; participantId: string; helperId: string; participantName: string; helperName: string };

export function createAssistedService(deps: Deps) {
	const { repo } = deps;
	const view = (s: AssistedView): AssistedSession => ({
		id: s.id,
		padId: s.pad_id,
		participantId: s.participant_id,
		participantName: deps.credits.display(s.participant_id, s.edition_id, 'fr'),
		helperName: deps.credits.display(s.helper_id, s.edition_id, 'fr'),
		status: s.status,
		consent: s.consent
	});

	/** The facilitator's pad, writable, with the workshop it belongs to. */
	function facilitated(viewer: Viewer | null, padId: string) {
		const pad = deps.pads.get(viewer, padId);
		const rights = deps.workshops.rights(viewer, pad.pad.workshopId);
		if (!viewer || !rights.can('moderate', 'assistedWriting') || !pad.canWrite) throw new AppError('forbidden', 'error.desk.assistFacilitatorsOnly');
		return { viewer, pad, workshopId: pad.pad.workshopId };
	}

	function connectedIn(workshopId: string, padIds: string[]): Set<string> {
		const rooms = [`chat:${workshopId}`, `drive:${workshopId}`, ...padIds.map((id) => `pad:${id}`)];
		return new Set(rooms.flatMap((room) => deps.feed?.presence(room) ?? []).filter((id): id is string => id !== null));
	}

	function session(id: unknown): AssistedView {
		const found = typeof id === 'string' ? repo.find(id) : undefined;
		if (!found) throw new AppError('not_found', 'error.desk.assistNotFound');
		return found;
	}

	return {
		/** The workshop's participants the facilitator may write for, those connected now first; [] for anyone else. */
		present(viewer: Viewer | null, padId: string): { id: string; name: string; connected: boolean }[] {
			try {
				const { workshopId, pad } = facilitated(viewer, padId);
				const connected = connectedIn(workshopId, [padId]);
				return repo
					.participantsOf(workshopId)
					.map((p) => ({ id: p.id, name: deps.credits.display(p.id, pad.edition.id, 'fr'), connected: connected.has(p.id) }))
					.sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name));
			} catch {
				return [];
			}
		},

		/** The open sessions of the pad (asked or accepted), for its facilitators. */
		sessions(viewer: Viewer | null, padId: string): AssistedSession[] {
			try {
				facilitated(viewer, padId);
			} catch {
				return [];
			}
			return repo.openOfPad(padId).map(view);
		},

		/** Asks a connected participant (they accept on their device) or marks one present (accepted at once). */
		ask(viewer: Viewer | null, padId: string, raw: unknown): AssistedSession {
			const { viewer: helper, workshopId } = facilitated(viewer, padId);
			const input = parseInput(assistedAskSchema, raw);
			if (!repo.participantsOf(workshopId).some((p) => p.id === input.participantId) || input.participantId === helper.id)
				throw new AppError('invalid', 'error.desk.notParticipant', { participantId: 'invalidChoice' });
			if (input.mode === 'ask' && !connectedIn(workshopId, [padId]).has(input.participantId)) throw new AppError('invalid', 'error.desk.assistNotConnected', { participantId: 'invalidChoice' });
			const now = deps.clock();
			repo.endOpen(padId, input.participantId, helper.id, now);
			const id = newId();
			const marked = input.mode === 'markPresent';
			repo.insert({
				id,
				pad_id: padId,
				participant_id: input.participantId,
				helper_id: helper.id,
				status: marked ? 'accepted' : 'asked',
				consent: marked ? 'markedPresent' : null,
				created_at: now,
				answered_at: marked ? now : null,
				ended_at: null
			});
			return view(repo.find(id)!);
		},

		/** What the viewer is asked to accept, on any of their devices. */
		asked(viewer: Viewer | null): (AssistedSession & { padTitle: string })[] {
			if (!viewer) return [];
			return repo.askedOf(viewer.id).map((s) => ({ ...view(s), padTitle: s.pad_title }));
		},

		/** The participant accepts or declines, for themselves only. */
		answer(viewer: Viewer | null, sessionId: unknown, raw: unknown): AssistedSession {
			const found = session(sessionId);
			const rights = deps.workshops.rights(viewer, found.workshop_id);
			if (!viewer || !rights.can('write', 'assistedWriting', { self: found.participant_id === viewer.id })) throw new AppError('not_found', 'error.desk.assistNotFound');
			const { accept } = parseInput(assistedAnswerSchema, raw);
			if (!repo.answer(found.id, accept ? 'accepted' : 'declined', accept ? 'device' : null, deps.clock())) throw new AppError('conflict', 'error.desk.assistAnswered');
			return view(repo.find(found.id)!);
		},

		/** Either person ends it; the facilitator's editor then goes back to writing as themselves. */
		end(viewer: Viewer | null, sessionId: unknown): void {
			const found = session(sessionId);
			if (!viewer || (viewer.id !== found.participant_id && viewer.id !== found.helper_id)) throw new AppError('not_found', 'error.desk.assistNotFound');
			repo.end(found.id, deps.clock());
		},

		/** For the helper's room token: only an accepted session, the helper's own, while they may still facilitate the pad. */
		writingAs(viewer: Viewer | null, sessionId: unknown): WritingAs {
			const found = session(sessionId);
			if (!viewer || viewer.id !== found.helper_id) throw new AppError('not_found', 'error.desk.assistNotFound');
			facilitated(viewer, found.pad_id);
			if (found.status !== 'accepted') throw new AppError('conflict', 'error.desk.assistNotAccepted');
			const v = view(found);
			return { room: `pad:${found.pad_id}`, participantId: found.participant_id, helperId: found.helper_id, participantName: v.participantName, helperName: v.helperName };
		},

		/** For the real-time endpoint: may this helper's connection write as this participant in this pad now? */
		isActive: (padId: string, participantId: string, helperId: string) => repo.isAccepted(padId, participantId, helperId)
	};
}
export type AssistedService = ReturnType<typeof createAssistedService>;
