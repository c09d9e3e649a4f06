// Server-side changes to chat documents through the rooms: archive old messages (also in the background), hide/unhide with a trace, promote into a pad.
import * as Y from 'yjs';
import type { Db } from '../db/open';
import type { ChatRepo } from '../domain/chat/chat.repo';
import { createOutboxRepo } from '../domain/outbox/outbox.repo';
import {
	archivedCount,
	CHAT_ARCHIVE_AT,
	CHAT_LIVE_KEEP,
	chatMessages,
	chatSnapshot,
	isTombstone,
	parseChatEntry,
	readChatEntries,
	replaceChatEntry,
	setArchivedCount,
	type ChatEntry,
	type ChatMessage,
	type ChatSnapshot
} from '../shared/chat-doc';
import { AppError } from '../shared/errors';
import { PAD_FRAGMENT, PERSON_NODE } from '../shared/pad-schema';
import { createPadPeopleRepo } from '../domain/pads/pad-people.repo';
import { parseRoom } from '../shared/rooms';
import type { ArchivePage, Attribution, ChatDocumentsPort, HiddenMessage, Moderator } from '../domain/ports';
import type { DocStore } from './doc-store';
import type { Room } from './room';
import type { Rooms } from './rooms';

export type { ArchivePage, Attribution, HiddenMessage, Moderator };

const roomOf = (workshopId: string) => `chat:${workshopId}`;

/** The attribution line's pieces in one paragraph: text runs (the link as a mark), people as personName nodes. */
function writeAttribution(paragraph: Y.XmlElement, parts: Attribution) {
	let run: Y.XmlText | null = null;
	for (const part of parts) {
		if ('person' in part) {
			const person = new Y.XmlElement(PERSON_NODE);
			paragraph.insert(paragraph.length, [person]);
			person.setAttribute('userId', part.person.userId);
			person.setAttribute('name', part.person.name);
			run = null;
			continue;
		}
		// Plain text says so ({}): without attributes Yjs would carry on the link before it.
		const [text, format] = 'link' in part ? [part.link.text, { link: { href: part.link.href } }] : [part.text, {}];
		if (!text) continue;
		if (!run) {
			run = new Y.XmlText();
			paragraph.insert(paragraph.length, [run]);
		}
		run.insert(run.length, text, format);
	}
}

function docFrom(update: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return doc;
}

export function createChatDocuments(deps: { db: Db; rooms: Rooms; store: DocStore; repo: ChatRepo; clock: () => number }): ChatDocumentsPort {
	const { db, repo } = deps;
	// Archived messages are outside the live room, so the room's change mark does not cover them: the outbox does.
	const outbox = createOutboxRepo(db, deps.clock);
	const padPeople = createPadPeopleRepo(db);

	/**
	 * Changes the room's document and the tables in one SQLite transaction: the update is written
	 * (flushed) inside it, so the archive or moderation row never exists without the document change.
	 */
	function change(room: Room, doc: Y.Doc, authorId: string | null, edit: () => void, rows: () => void) {
		const before = Y.encodeStateVector(doc);
		doc.transact(edit);
		const diff = Y.encodeStateAsUpdate(doc, before);
		db.transaction(() => {
			rows();
			room.applyServerUpdate(diff, authorId);
			deps.store.flush();
		})();
	}

	function findLive(doc: Y.Doc, messageId: string) {
		return readChatEntries(doc).find((e) => e.entry.id === messageId) ?? null;
	}

	/** Moves the oldest messages to the archive once the live document holds more than CHAT_ARCHIVE_AT; returns how many moved. */
	function archiveOverflow(room: Room, workshopId: string): number {
		const doc = docFrom(room.state());
		const messages = chatMessages(doc);
		if (messages.length <= CHAT_ARCHIVE_AT) return 0;
		const count = messages.length - CHAT_LIVE_KEEP;
		// Entries that break the schema are dropped, not archived: they were never shown.
		const moving = messages
			.slice(0, count)
			.map(parseChatEntry)
			.filter((e): e is ChatEntry => e !== null);
		const at = deps.clock();
		change(
			room,
			doc,
			null,
			() => {
				messages.delete(0, count);
				setArchivedCount(doc, archivedCount(doc) + moving.length);
			},
			() => {
				for (const entry of moving) repo.insertArchived(workshopId, entry.id, JSON.stringify(entry), at);
				outbox.record('chat.archive.changed', workshopId);
			}
		);
		room.purgeDeleted({ dropHistory: false });
		return moving.length;
	}

	// Chats also archive with no page open: on a slow timer while people talk, and when the room unloads.
	deps.rooms.upkeep('chat', (room) => {
		const name = parseRoom(room.name);
		if (name) archiveOverflow(room, name.id);
	});

	function findArchived(workshopId: string, messageId: string): ChatEntry | null {
		const row = repo.findArchived(workshopId, messageId);
		return row ? parseChatEntry(JSON.parse(row.entry)) : null;
	}

	return {
		/**
		 * Erasure: the person's name leaves the live messages they wrote or hid, and the room's stored history, so only
		 * `name` (« contributeur anonyme ») remains. The archive rows are renamed by the privacy service.
		 */
		async renamePerson(workshopId: string, userId: string, name: string): Promise<number> {
			return deps.rooms.withRoom(roomOf(workshopId), (room) => {
				const doc = docFrom(room.state());
				const renamed = readChatEntries(doc).flatMap(({ entry, index }): { index: number; entry: ChatEntry }[] => {
					if (isTombstone(entry)) return entry.hidden.byId === userId ? [{ index, entry: { ...entry, hidden: { ...entry.hidden, byName: name } } }] : [];
					return entry.authorId === userId ? [{ index, entry: { ...entry, authorName: name } }] : [];
				});
				if (renamed.length === 0) return 0;
				change(room, doc, null, () => renamed.forEach(({ index, entry }) => replaceChatEntry(doc, index, entry)), () => {});
				room.purgeDeleted({ dropHistory: true });
				return renamed.length;
			});
		},

		async snapshot(workshopId: string): Promise<ChatSnapshot> {
			return deps.rooms.withRoom(roomOf(workshopId), (room) => chatSnapshot(docFrom(room.state())));
		},

		/** Moves the oldest messages to the archive once the live document holds more than CHAT_ARCHIVE_AT; returns how many moved. */
		async archiveOverflow(workshopId: string): Promise<number> {
			return deps.rooms.withRoom(roomOf(workshopId), (room) => archiveOverflow(room, workshopId));
		},

		async archivePage(workshopId: string, before: number | null, limit: number): Promise<ArchivePage> {
			const rows = repo.archivePage(workshopId, before, limit + 1);
			const page = rows.slice(0, limit);
			const entries = page
				.map((r) => parseChatEntry(JSON.parse(r.entry)))
				.filter((e): e is ChatEntry => e !== null)
				.reverse();
			return { entries, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
		},

		/** A message still visible, live or archived; null for unknown or hidden ones. */
		async findMessage(workshopId: string, messageId: string): Promise<ChatMessage | null> {
			const live = deps.rooms.withRoom(roomOf(workshopId), (room) => findLive(docFrom(room.state()), messageId));
			const entry = live?.entry ?? findArchived(workshopId, messageId);
			return entry && !isTombstone(entry) ? entry : null;
		},

		/**
		 * Hides a message: its text moves to the moderation table, a tombstone with the trace takes its place,
		 * and the room is purged without history so the text is gone from the stored document.
		 */
		async hide(workshopId: string, messageId: string, by: Moderator): Promise<void> {
			const at = deps.clock();
			deps.rooms.withRoom(roomOf(workshopId), (room) => {
				const doc = docFrom(room.state());
				const live = findLive(doc, messageId);
				const entry = live?.entry ?? findArchived(workshopId, messageId);
				if (!entry) throw new AppError('not_found', 'error.chat.messageNotFound');
				if (isTombstone(entry)) throw new AppError('conflict', 'error.chat.alreadyHidden');
				const tombstone: ChatEntry = { v: entry.v, id: entry.id, at: entry.at, hidden: { byId: by.id, byName: by.name, at } };
				const logRow = () =>
					repo.insertModeration(workshopId, { message_id: entry.id, message: JSON.stringify(entry), hidden_by_id: by.id, hidden_by_name: by.name, hidden_at: at });
				if (live) {
					change(room, doc, by.id, () => replaceChatEntry(doc, live.index, tombstone), logRow);
				} else {
					db.transaction(() => {
						logRow();
						repo.updateArchived(workshopId, entry.id, JSON.stringify(tombstone));
						outbox.record('chat.archive.changed', workshopId);
					})();
				}
				// Older versions of the document still hold the text, archived or not.
				room.purgeDeleted({ dropHistory: true });
			});
		},

		/** Puts a hidden message back where it was (live or archived) and forgets the moderation row. */
		async unhide(workshopId: string, messageId: string): Promise<void> {
			const row = repo.findModeration(workshopId, messageId);
			const message = row ? parseChatEntry(JSON.parse(row.message)) : null;
			if (!message || isTombstone(message)) throw new AppError('not_found', 'error.chat.hiddenNotFound');
			deps.rooms.withRoom(roomOf(workshopId), (room) => {
				const doc = docFrom(room.state());
				const live = findLive(doc, messageId);
				if (live) {
					change(room, doc, null, () => replaceChatEntry(doc, live.index, message), () => repo.deleteModeration(workshopId, messageId));
				} else {
					db.transaction(() => {
						repo.updateArchived(workshopId, messageId, JSON.stringify(message));
						repo.deleteModeration(workshopId, messageId);
						outbox.record('chat.archive.changed', workshopId);
					})();
				}
			});
		},

		async hiddenMessages(workshopId: string): Promise<HiddenMessage[]> {
			return repo.listModeration(workshopId).flatMap((row) => {
				const message = parseChatEntry(JSON.parse(row.message));
				if (!message || isTombstone(message)) return [];
				return [{ message, hidden: { byId: row.hidden_by_id, byName: row.hidden_by_name, at: row.hidden_at } }];
			});
		},

		/**
		 * Appends the message to the pad as a quote (blockquote > paragraphs, then the attribution with a link back),
		 * through the pad's room so connected editors see it at once. People in the attribution are personName nodes
		 * (an id and a label), recorded in pad_people so that a later change of their credit choice finds this pad.
		 */
		async promote(padId: string, message: ChatMessage, attribution: Attribution, authorId: string): Promise<void> {
			padPeople.add(padId, attribution.flatMap((part) => ('person' in part ? [part.person.userId] : [])));
			deps.rooms.withRoom(`pad:${padId}`, (room) => {
				const doc = docFrom(room.state());
				const before = Y.encodeStateVector(doc);
				const fragment = doc.getXmlFragment(PAD_FRAGMENT);
				const lines = message.text.split(/\r?\n/).filter((line) => line.trim() !== '');
				doc.transact(() => {
					const quote = new Y.XmlElement('blockquote');
					fragment.insert(fragment.length, [quote]);
					const paragraphs = [...lines, null].map(() => new Y.XmlElement('paragraph'));
					quote.insert(0, paragraphs);
					lines.forEach((line, i) => {
						const text = new Y.XmlText();
						paragraphs[i]!.insert(0, [text]);
						text.insert(0, line);
					});
					writeAttribution(paragraphs.at(-1)!, attribution);
				});
				room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
			});
		}
	};
}
export type ChatDocuments = ReturnType<typeof createChatDocuments>;
