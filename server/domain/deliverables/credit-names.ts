// Names follow the person's credit choice: when it changes (or the account is erased) the copies of their name beside
// what they wrote are rewritten (live chats, the chat archive, drives, pads naming them) and search is told to re-index them.
import type { Db } from '../../db/open';
import { createChatRepo } from '../chat/chat.repo';
import { createFilesRepo } from '../files/files.repo';
import { createOutboxRepo } from '../outbox/outbox.repo';
import { createPadPeopleRepo } from '../pads/pad-people.repo';
import { renderPadHtml, type PmNode } from '../pads/pad-html';
import { renderPadMarkdown } from '../pads/pad-markdown';
import { namedPeople } from '../pads/person-names';
import type { ChatDocumentsPort, DriveDocumentsPort, LiveDocuments, PadPeoplePort } from '../ports';
import { createDeliverablesRepo } from './deliverables.repo';
import type { Clock, Viewer } from '../types';
import type { CreditChoice, CreditsService } from './credits';

type Deps = {
	db: Db;
	clock: Clock;
	credits: CreditsService;
	chat: Pick<ChatDocumentsPort, 'renamePerson'>;
	/** The workshop drives: who uploaded a file or created a folder is named there. */
	drive: Pick<DriveDocumentsPort, 'renamePerson'>;
	pads: PadPeoplePort;
	/** Pad documents read with people resolved by their current choice (pads/person-names withPeopleResolved). */
	documents: Pick<LiveDocuments, 'versionContent'>;
};

export function createCreditNames(deps: Deps) {
	const { db } = deps;
	const chatRepo = createChatRepo(db);
	const filesRepo = createFilesRepo(db);
	const padPeople = createPadPeopleRepo(db);
	const outbox = createOutboxRepo(db, deps.clock);
	const deliverables = createDeliverablesRepo(db);
	const workshopsOf = db.prepare<[string], string>('SELECT id FROM workshops WHERE edition_id = ?').pluck();

	/**
	 * Rewrites, in every workshop of the edition, the name stored beside the person's messages, and the label of the
	 * pads naming them. Stored names use the French anonymous label, as erasure does; readers resolve ids again anyway.
	 */
	/**
	 * Published versions froze the pad's text with the names of that day: each one naming the person is rendered
	 * again from the pad version it froze, so a pseudonym or an erasure reaches the archive, exports and the static site.
	 * Returns the deliverables changed.
	 */
	function refreeze(padId: string, userId: string): Set<string> {
		const changed = new Set<string>();
		for (const v of deliverables.versionsFrozenFrom(padId)) {
			let content: PmNode;
			try {
				content = deps.documents.versionContent(padId, v.pad_snapshot_id) as PmNode;
			} catch {
				continue; // the pad version is gone: the frozen text stays as it is
			}
			if (!namedPeople(content).has(userId)) continue;
			const text = { html: renderPadHtml(content), markdown: renderPadMarkdown(content) };
			if (text.html === v.html && text.markdown === v.markdown) continue;
			deliverables.updateVersionText(v.deliverable_id, v.version, text);
			changed.add(v.deliverable_id);
		}
		return changed;
	}

	/** Relabels the live pads and their published versions; records what search must index again. */
	function followInPads(pads: Iterable<{ padId: string; editionId: string }>, userId: string) {
		for (const { padId, editionId } of pads) {
			deps.pads.renamePerson(padId, userId, deps.credits.display(userId, editionId));
			db.transaction(() => {
				for (const deliverableId of refreeze(padId, userId)) outbox.record('deliverable.changed', deliverableId);
				outbox.record('pad.changed', padId);
			})();
		}
	}

	function follow(userId: string, editionId: string): void {
		const name = deps.credits.display(userId, editionId);
		const workshops = workshopsOf.all(editionId);
		// The live rooms keep the name inside their documents (stock clients render what they read there).
		for (const workshopId of workshops) {
			deps.chat.renamePerson(workshopId, userId, name);
			deps.drive.renamePerson(workshopId, userId, name);
		}
		db.transaction(() => {
			for (const workshopId of workshops) {
				chatRepo.renamePerson(workshopId, userId, name);
				filesRepo.renamePerson(workshopId, userId, name);
				// The whole chat again, archive included: its search documents carry the author's name.
				outbox.record('chat.archive.changed', workshopId);
			}
		})();
		followInPads(
			padPeople.padsInEdition(userId, editionId).map((padId) => ({ padId, editionId })),
			userId
		);
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
		 * After erasure (which renames the chats itself): the pads naming the person and their published versions,
		 * and search for their chats (in every workshop given) and those pads.
		 */
		erased(userId: string, workshopIds: Iterable<string>): void {
			db.transaction(() => {
				for (const workshopId of workshopIds) outbox.record('chat.archive.changed', workshopId);
			})();
			followInPads(padPeople.pads(userId), userId);
		}
	};
}
export type CreditNames = ReturnType<typeof createCreditNames>;
