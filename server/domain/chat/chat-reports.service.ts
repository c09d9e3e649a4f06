// « Signaler »: people of a workshop report a chat message; the staff's moderation queue, resolved by hiding or dismissing.
import { z } from 'zod';
import type { ChatMessage } from '../../shared/chat-doc';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import type { CreditsService } from '../deliverables/credits';
import type { WorkshopsService } from '../programme/workshops.service';
import type { ChatDocumentsPort } from '../ports';
import type { Clock, Viewer } from '../types';
import type { ChatReportsRepo } from './chat-reports.repo';

const messageIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, 'invalid');
export const chatReportSchema = z.object({ messageId: messageIdSchema, reason: z.string().trim().max(280, 'tooLong').optional().default('') });
export const chatReportResolveSchema = z.object({ messageId: messageIdSchema, action: z.enum(['hide', 'dismiss'], 'invalidChoice') });

/** One queued message: its text (null once it left the live chat and the archive), how many reported it, their reasons. */
export type QueuedReport = { message: ChatMessage | null; messageId: string; count: number; reasons: string[]; since: number };

type Deps = {
	clock: Clock;
	workshops: WorkshopsService;
	documents: Pick<ChatDocumentsPort, 'findMessage' | 'hide'>;
	repo: ChatReportsRepo;
	changed?: (workshopId: string) => void;
	/** The moderator is named by their credit choice for the edition, as the chat's own moderation does. */
	credits: Pick<CreditsService, 'display'>;
};

export function createChatReportsService(deps: Deps) {
	const { repo } = deps;

	function staff(viewer: Viewer | null, workshopId: string): Viewer & { editionId: string } {
		const rights = deps.workshops.rights(viewer, workshopId);
		// Whoever may not even read the chat is told it does not exist.
		const refusal = rights.can('read', 'chat') ? 'forbidden' : 'not_found';
		if (!viewer || !rights.can('moderate', 'chatReport')) throw new AppError(refusal, 'error.chat.facilitatorsModerate');
		return { ...viewer, editionId: rights.edition.id };
	}

	return {
		/** Whether the viewer may report messages of this workshop's chat (the « Signaler » button). */
		canReport(viewer: Viewer | null, workshopId: string): boolean {
			try {
				return viewer !== null && deps.workshops.rights(viewer, workshopId).can('write', 'chatReport');
			} catch {
				return false;
			}
		},

		/** Idempotent: a second report of the same message by the same person changes nothing. */
		report(viewer: Viewer | null, workshopId: string, raw: unknown): void {
			const rights = deps.workshops.rights(viewer, workshopId);
			const refusal = rights.can('read', 'chat') ? 'forbidden' : 'not_found';
			if (!viewer || !rights.can('write', 'chatReport')) throw new AppError(refusal, 'error.chat.joinFirst');
			const input = parseInput(chatReportSchema, raw);
			if (!deps.documents.findMessage(workshopId, input.messageId)) throw new AppError('not_found', 'error.chat.messageNotFound');
			const added = repo.insert({ id: newId(), workshop_id: workshopId, message_id: input.messageId, reporter_id: viewer.id, reason: input.reason, created_at: deps.clock() });
			if (added) deps.changed?.(workshopId);
		},

		/** The moderation queue, oldest first; reporters stay anonymous to the staff. */
		queue(viewer: Viewer | null, workshopId: string): QueuedReport[] {
			staff(viewer, workshopId);
			const byMessage = new Map<string, QueuedReport>();
			for (const r of repo.open(workshopId)) {
				const entry = byMessage.get(r.message_id) ?? { message: deps.documents.findMessage(workshopId, r.message_id), messageId: r.message_id, count: 0, reasons: [], since: r.created_at };
				entry.count += 1;
				if (r.reason) entry.reasons.push(r.reason);
				byMessage.set(r.message_id, entry);
			}
			return [...byMessage.values()];
		},

		/** Hides the message (and closes its reports) or dismisses them. */
		resolve(viewer: Viewer | null, workshopId: string, raw: unknown): void {
			const moderator = staff(viewer, workshopId);
			const input = parseInput(chatReportResolveSchema, raw);
			const name = deps.credits.display(moderator.id, moderator.editionId);
			if (input.action === 'hide' && deps.documents.findMessage(workshopId, input.messageId)) deps.documents.hide(workshopId, input.messageId, { id: moderator.id, name });
			const closed = repo.resolve(workshopId, input.messageId, input.action === 'hide' ? 'hidden' : 'dismissed', name, deps.clock());
			if (closed > 0) deps.changed?.(workshopId);
		},

		/** Called when a facilitator hides a message from the chat itself: its reports leave the queue. */
		hidden(workshopId: string, messageId: string, byName: string): void {
			if (repo.resolve(workshopId, messageId, 'hidden', byName, deps.clock()) > 0) deps.changed?.(workshopId);
		},

		/** For the desk (whose page already checked the staff): messages waiting per workshop of the edition. */
		waitingByWorkshop: (editionId: string) => new Map(repo.openCountsByEdition(editionId).map((r) => [r.workshop_id, { count: r.n, since: r.since }]))
	};
}
export type ChatReportsService = ReturnType<typeof createChatReportsService>;
