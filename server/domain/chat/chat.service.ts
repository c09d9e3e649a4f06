// The workshop chat: who may read, write and moderate, history pages, moderation and promotion into a pad.
import { z } from 'zod';
import type { ArchivePage, ChatDocumentsPort, HiddenMessage } from '../ports';
import type { ChatSnapshot } from '../../shared/chat-doc';
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/validate';
import type { CreditsService } from '../deliverables/credits';
import { createChatNames } from './chat-names';
import type { PadsService } from '../pads/pads.service';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Viewer } from '../types';

export const CHAT_PAGE_SIZE = 50;

const messageIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, 'invalid');
const cursorSchema = z.coerce.number().int().positive();
export const chatModerationSchema = z.object({ messageId: messageIdSchema, action: z.enum(['hide', 'unhide'], 'invalidChoice') });
const isTimeZone = (zone: string) => {
	try {
		new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
};
export const chatPromoteSchema = z.object({
	messageId: messageIdSchema,
	padId: z.string().regex(/^[a-z0-9]{8,40}$/, 'required'),
	timeZone: z.string().max(64).refine(isTimeZone, 'invalid').optional().default('Europe/Paris')
});

export type ChatAccess = { canRead: boolean; canWrite: boolean; canModerate: boolean };
/** Where a promoted quote links back to, and the language of its attribution line. */
export type PromoteContext = { chatUrl: string; locale: 'fr' | 'en' };

export function createChatService(deps: {
	workshops: WorkshopsService;
	pads: PadsService;
	documents: ChatDocumentsPort;
	credits: CreditsService;
	/** Reports of a message hidden from the chat leave the moderation queue. */
	reports?: { hidden(workshopId: string, messageId: string, byName: string): void };
}) {
	const { documents } = deps;

	/** The policy's answer, for the pages and the real-time room alike: a workshop's conversation stays with its members unless the organiser opened it. */
	function accessOf(viewer: Viewer | null, workshopId: string): ChatAccess {
		const rights = deps.workshops.rights(viewer, workshopId);
		return { canRead: rights.can('read', 'chat'), canWrite: rights.can('write', 'chat'), canModerate: rights.can('moderate', 'chat') };
	}

	/** Whoever may not read the chat is told it does not exist (404, not 403). */
	function readable(viewer: Viewer | null, workshopId: string): ChatAccess {
		const rights = accessOf(viewer, workshopId);
		if (!rights.canRead) throw new AppError('not_found', 'error.chat.notFound');
		return rights;
	}

	function moderated(viewer: Viewer | null, workshopId: string): Viewer {
		if (!readable(viewer, workshopId).canModerate || !viewer) throw new AppError('forbidden', 'error.chat.facilitatorsModerate');
		return viewer;
	}

	const names = createChatNames({ credits: deps.credits, documents });
	const editionOf = (viewer: Viewer | null, workshopId: string) => deps.workshops.rights(viewer, workshopId).edition.id;

	/** How the viewer is named in this workshop's chat: their credit choice for the edition (fr label when anonymous, as erasure writes). */
	function nameIn(viewer: Viewer, workshopId: string): string {
		return deps.credits.display(viewer.id, editionOf(viewer, workshopId));
	}

	return {
		access: accessOf,

		/** The name the viewer's messages carry when sent: what they chose for the edition, never a frozen real name. */
		senderName(viewer: Viewer, workshopId: string): string {
			readable(viewer, workshopId);
			return nameIn(viewer, workshopId);
		},

		roomAccess(viewer: Viewer | null, workshopId: string): 'write' | 'read' {
			const rights = readable(viewer, workshopId);
			return rights.canWrite ? 'write' : 'read';
		},

		/** The chat as plain JSON; moves old messages to the archive first, so the live document stays small. */
		open(viewer: Viewer | null, workshopId: string): ChatSnapshot & { access: ChatAccess } {
			const rights = readable(viewer, workshopId);
			documents.archiveOverflow(workshopId);
			const read = documents.snapshot(workshopId);
			// Names that drifted from their people's choices are rewritten in the room before the browser syncs it.
			const repaired = names.repair(workshopId, editionOf(viewer, workshopId), read.entries) > 0;
			return { ...(repaired ? documents.snapshot(workshopId) : read), access: rights };
		},

		/** Asked by the client whose message took the live document past its limit: writers only, idempotent. */
		archive(viewer: Viewer | null, workshopId: string): { archived: number } {
			if (!readable(viewer, workshopId).canWrite) throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'error.chat.joinFirst');
			return { archived: documents.archiveOverflow(workshopId) };
		},

		/** Older messages, newest page first; `before` is the cursor the previous page returned. */
		history(viewer: Viewer | null, workshopId: string, before: unknown): ArchivePage {
			readable(viewer, workshopId);
			documents.archiveOverflow(workshopId);
			const cursor = before === null || before === undefined || before === '' ? null : parseInput(z.object({ before: cursorSchema }), { before }).before;
			const page = documents.archivePage(workshopId, cursor, CHAT_PAGE_SIZE);
			return { ...page, entries: names.entries(page.entries, editionOf(viewer, workshopId)) };
		},

		hiddenMessages(viewer: Viewer | null, workshopId: string): HiddenMessage[] {
			moderated(viewer, workshopId);
			return names.hidden(documents.hiddenMessages(workshopId), editionOf(viewer, workshopId));
		},

		moderate(viewer: Viewer | null, workshopId: string, raw: unknown): void {
			const moderator = moderated(viewer, workshopId);
			const input = parseInput(chatModerationSchema, raw);
			if (input.action === 'hide') {
				const by = nameIn(moderator, workshopId);
				documents.hide(workshopId, input.messageId, { id: moderator.id, name: by });
				deps.reports?.hidden(workshopId, input.messageId, by);
			} else documents.unhide(workshopId, input.messageId);
		},

		/** Copies a visible message into one of the workshop's pads as an attributed, timestamped quote. */
		promote(viewer: Viewer | null, workshopId: string, raw: unknown, context: PromoteContext): void {
			const moderator = moderated(viewer, workshopId);
			const input = parseInput(chatPromoteSchema, raw);
			const pad = deps.pads.get(moderator, input.padId);
			if (pad.pad.workshopId !== workshopId || !pad.canWrite) throw new AppError('invalid', 'error.chat.padOfWorkshop', { padId: 'invalidChoice' });
			const message = documents.findMessage(workshopId, input.messageId);
			if (!message) throw new AppError('not_found', 'error.chat.messageNotFound');
			const when = new Intl.DateTimeFormat(context.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: input.timeZone }).format(message.at);
			// The quote lands in pad text, which is exported and may be published: credit its author as they chose for this edition.
			// The author is a person node (an id), not text: exports resolve it again, a change of choice rewrites it.
			const author = { userId: message.authorId, name: deps.credits.display(message.authorId, pad.edition.id, context.locale) };
			const after = context.locale === 'fr' ? ', dans le chat, ' : ', in the chat, ';
			documents.promote(input.padId, message, [{ text: '— ' }, { person: author }, { text: after }, { link: { text: when, href: `${context.chatUrl}#msg-${message.id}` } }], moderator.id);
		}
	};
}
export type ChatService = ReturnType<typeof createChatService>;
