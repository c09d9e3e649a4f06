// Assisted contribution (« aidant »): a facilitator writes in a pad on behalf of a participant present, credited to them « avec l'aide de » the facilitator.
import { z } from 'zod';
import { CHAT_SCHEMA_VERSION, type ChatMessage } from '../../shared/chat-doc';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import type { CreditsService } from '../deliverables/credits';
import type { PadsService } from '../pads/pads.service';
import type { ActivityFeed, ChatDocumentsPort } from '../ports';
import type { WorkshopsService } from '../programme/workshops.service';
import type { WorkshopsRepo } from '../programme/workshops.repo';
import type { Clock, Viewer } from '../types';

export const assistedSchema = z.object({
	participantId: z.string().trim().min(1, 'required').max(40),
	text: z.string().trim().min(1, 'required').max(2000, 'tooLong')
});

type Deps = {
	clock: Clock;
	workshops: WorkshopsService;
	workshopsRepo: WorkshopsRepo;
	pads: PadsService;
	credits: CreditsService;
	feed: ActivityFeed;
	/** Writes a quote into a pad through its live room (the same path as promoting a chat message). */
	documents: Pick<ChatDocumentsPort, 'promote'>;
};

export function createAssistedService(deps: Deps) {
	/** The facilitator's pad, writable, with the workshop it belongs to. */
	function facilitated(viewer: Viewer | null, padId: string) {
		const pad = deps.pads.get(viewer, padId);
		const rights = deps.workshops.rights(viewer, pad.pad.workshopId);
		if (!viewer || !rights.can('moderate', 'padLive') || !pad.canWrite) throw new AppError('forbidden', 'error.desk.assistFacilitatorsOnly');
		return { viewer, pad, workshopId: pad.pad.workshopId };
	}

	/** Participants of the workshop connected to one of its rooms right now. */
	function presentParticipants(editionId: string, workshopId: string, padIds: string[]): { id: string; name: string }[] {
		const rooms = [`chat:${workshopId}`, `drive:${workshopId}`, ...padIds.map((id) => `pad:${id}`)];
		const ids = new Set(rooms.flatMap((room) => deps.feed.presence(room)).filter((id): id is string => id !== null && deps.workshopsRepo.isParticipant(workshopId, id)));
		// By the name they chose to be credited by in the edition, the one the pad will show beside what is written for them.
		return [...ids].map((id) => ({ id, name: deps.credits.display(id, editionId) })).sort((a, b) => a.name.localeCompare(b.name));
	}

	return {
		/** Whom the facilitator may write for in this pad; [] for anyone else. */
		present(viewer: Viewer | null, padId: string) {
			try {
				const { workshopId, pad } = facilitated(viewer, padId);
				return presentParticipants(pad.edition.id, workshopId, [padId]);
			} catch {
				return [];
			}
		},

		write(viewer: Viewer | null, padId: string, raw: unknown, locale: 'fr' | 'en') {
			const { viewer: facilitator, pad, workshopId } = facilitated(viewer, padId);
			const input = parseInput(assistedSchema, raw);
			if (!deps.workshopsRepo.isParticipant(workshopId, input.participantId)) throw new AppError('invalid', 'error.desk.notParticipant', { participantId: 'invalidChoice' });
			// The words are the participant's: they are credited as they chose for the edition, and the edit is theirs.
			// Both people are person nodes (ids): their names follow their choices in exports and when they change.
			const author = { userId: input.participantId, name: deps.credits.display(input.participantId, pad.edition.id, locale) };
			const helper = { userId: facilitator.id, name: deps.credits.display(facilitator.id, pad.edition.id, locale) };
			const message: ChatMessage = { v: CHAT_SCHEMA_VERSION, id: newId(), authorId: input.participantId, authorName: author.name, text: input.text, at: deps.clock() };
			const by = locale === 'fr' ? ', avec l’aide de ' : ', with help from ';
			deps.documents.promote(padId, message, [{ text: '— ' }, { person: author }, { text: by }, { person: helper }], input.participantId);
		}
	};
}
export type AssistedService = ReturnType<typeof createAssistedService>;
