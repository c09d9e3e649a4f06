// Names follow the person's credit choice: when it changes (or the account is erased) the copies of their name beside
// what they wrote are rewritten (live chats, the chat archive, pads naming them) and search is told to re-index them.
import type { Db } from '../../db/open';
import { createChatRepo } from '../chat/chat.repo';
import { createOutboxRepo } from '../outbox/outbox.repo';
import { createPadPeopleRepo } from '../pads/pad-people.repo';
import type { ChatDocumentsPort, PadPeoplePort } from '../ports';
import type { Clock, Viewer } from '../types';
import type { CreditChoice, CreditsService } from './credits';

type Deps = {
	db: Db;
	clock: Clock;
	credits: CreditsService;
	chat: Pick<ChatDocumentsPort, 'renamePerson'>;
	pads: PadPeoplePort;
};

export function createCreditNames(deps: Deps) {
	const { db } = deps;
	const chatRepo = createChatRepo(db);
	const padPeople = createPadPeopleRepo(db);
	const outbox = createOutboxRepo(db, deps.clock);
	const workshopsOf = db.prepare<[string], string>('SELECT id FROM workshops WHERE edition_id = ?').pluck();

	/**
	 * Rewrites, in every workshop of the edition, the name stored beside the person's messages, and the label of the
	 * pads naming them. Stored names use the French anonymous label, as erasure does; readers resolve ids again anyway.
	 */
	function follow(userId: string, editionId: string): void {
		const name = deps.credits.display(userId, editionId);
		const workshops = workshopsOf.all(editionId);
		const pads = padPeople.padsInEdition(userId, editionId);
		// The live rooms keep the name inside their documents (stock clients render what they read there).
		for (const workshopId of workshops) deps.chat.renamePerson(workshopId, userId, name);
		for (const padId of pads) deps.pads.renamePerson(padId, userId, name);
		db.transaction(() => {
			for (const workshopId of workshops) {
				chatRepo.renamePerson(workshopId, userId, name);
				// The whole chat again, archive included: its search documents carry the author's name.
				outbox.record('chat.archive.changed', workshopId);
			}
			for (const padId of pads) outbox.record('pad.changed', padId);
		})();
	}

	return {
		follow,

		/** The person's choice for the edition, then every copy of their name there follows it. */
		setChoice(viewer: Viewer | null, editionId: string, raw: unknown): CreditChoice {
			const chosen = deps.credits.setChoice(viewer, editionId, raw);
			follow(viewer!.id, editionId);
			return chosen;
		},

		/**
		 * After erasure (which renames the chats itself): the pads naming the person, and search for their chats and
		 * those pads, in every workshop given.
		 */
		erased(userId: string, workshopIds: Iterable<string>): void {
			const pads = padPeople.pads(userId);
			for (const { padId, editionId } of pads) deps.pads.renamePerson(padId, userId, deps.credits.display(userId, editionId));
			db.transaction(() => {
				for (const workshopId of workshopIds) outbox.record('chat.archive.changed', workshopId);
				for (const { padId } of pads) outbox.record('pad.changed', padId);
			})();
		}
	};
}
export type CreditNames = ReturnType<typeof createCreditNames>;
