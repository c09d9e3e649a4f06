// Names beside chat messages, as shown: each author's and moderator's credit choice today, written back to the live room when it drifted.
import { isTombstone, type ChatEntry } from '../../shared/chat-doc';
import type { CreditsService } from '../deliverables/credits';
import type { ChatDocumentsPort, HiddenMessage } from '../ports';

type Deps = { credits: Pick<CreditsService, 'display'>; documents: Pick<ChatDocumentsPort, 'renamePerson'> };

export function createChatNames(deps: Deps) {
	/** One lookup per person per reading (French anonymous label, as erasure and credit-names store it). */
	function namer(editionId: string) {
		const known = new Map<string, string>();
		return (userId: string) => {
			let name = known.get(userId);
			if (name === undefined) known.set(userId, (name = deps.credits.display(userId, editionId)));
			return name;
		};
	}

	function named(entry: ChatEntry, nameOf: (userId: string) => string): ChatEntry {
		if (isTombstone(entry)) return { ...entry, hidden: { ...entry.hidden, byName: nameOf(entry.hidden.byId) } };
		return { ...entry, authorName: nameOf(entry.authorId) };
	}

	return {
		/** Entries as readers see them: every name by the person's current choice for the edition. */
		entries(entries: ChatEntry[], editionId: string): ChatEntry[] {
			const nameOf = namer(editionId);
			return entries.map((entry) => named(entry, nameOf));
		},

		hidden(list: HiddenMessage[], editionId: string): HiddenMessage[] {
			const nameOf = namer(editionId);
			return list.map(({ message, hidden }) => ({
				message: { ...message, authorName: nameOf(message.authorId) },
				hidden: { ...hidden, byName: nameOf(hidden.byId) }
			}));
		},

		/**
		 * Rewrites in the live room the names that differ from today's choices: messages sent from a tab opened before
		 * a change, or before names followed choices. Connected clients then show the right name too. Returns how many
		 * people were renamed.
		 */
		async repair(workshopId: string, editionId: string, entries: ChatEntry[]): Promise<number> {
			const nameOf = namer(editionId);
			const drifted = new Set<string>();
			for (const entry of entries) {
				if (isTombstone(entry)) {
					if (entry.hidden.byName !== nameOf(entry.hidden.byId)) drifted.add(entry.hidden.byId);
				} else if (entry.authorName !== nameOf(entry.authorId)) drifted.add(entry.authorId);
			}
			for (const userId of drifted) await deps.documents.renamePerson(workshopId, userId, nameOf(userId));
			return drifted.size;
		}
	};
}
export type ChatNames = ReturnType<typeof createChatNames>;
