// The chat Y.Doc shape (room `chat:<workshopId>`): field names, message schema and limits, typed accessors, plain-JSON snapshot.
import * as Y from 'yjs';
import { z } from 'zod';

/** Bumped when the shape of a message changes; readers skip entries of a version they do not know. */
export const CHAT_SCHEMA_VERSION = 1;
export const CHAT_MESSAGE_MAX = 2000;
export const CHAT_NAME_MAX = 80;
/** Messages kept in the live document; older ones move to the archive table. */
export const CHAT_LIVE_KEEP = 200;
/** Archiving starts only past this count, so it runs in batches rather than on every message. */
export const CHAT_ARCHIVE_AT = 250;

const MESSAGES = 'messages';
const META = 'meta';
const META_ARCHIVED = 'archived';

const messageId = z.string().regex(/^[a-z0-9]{8,40}$/);
const personId = z.string().min(1).max(64);
const personName = z.string().trim().min(1).max(CHAT_NAME_MAX);
const instant = z.number().int().positive();

export const chatTextSchema = z
	.string()
	.refine((s) => s.trim().length > 0, 'required')
	.refine((s) => s.length <= CHAT_MESSAGE_MAX, 'tooLong');

export const chatMessageSchema = z.object({
	v: z.literal(CHAT_SCHEMA_VERSION),
	id: messageId,
	authorId: personId,
	authorName: personName,
	text: chatTextSchema,
	at: instant,
	replyTo: messageId.optional()
});
/** What replaces a hidden message in the shared document: the trace, never the text. */
export const chatTombstoneSchema = z.object({
	v: z.literal(CHAT_SCHEMA_VERSION),
	id: messageId,
	at: instant,
	hidden: z.object({ byId: personId, byName: personName, at: instant })
});
export const chatEntrySchema = z.union([chatMessageSchema, chatTombstoneSchema]);

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatTombstone = z.infer<typeof chatTombstoneSchema>;
export type ChatEntry = ChatMessage | ChatTombstone;

export const isTombstone = (entry: ChatEntry): entry is ChatTombstone => 'hidden' in entry;

/** An entry as read from a document written by any client: null when it breaks the schema (never rendered, never archived). */
export function parseChatEntry(raw: unknown): ChatEntry | null {
	const result = chatEntrySchema.safeParse(raw);
	return result.success ? result.data : null;
}

export const chatMessages = (doc: Y.Doc): Y.Array<unknown> => doc.getArray<unknown>(MESSAGES);
const chatMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(META);

/** Valid entries in document order, each with its index in the array (what a replacement needs). */
export function readChatEntries(doc: Y.Doc): { index: number; entry: ChatEntry }[] {
	const out: { index: number; entry: ChatEntry }[] = [];
	chatMessages(doc)
		.toArray()
		.forEach((raw, index) => {
			const entry = parseChatEntry(raw);
			if (entry) out.push({ index, entry });
		});
	return out;
}

/** How many messages the server has moved to the archive: the UI offers older pages when > 0. */
export const archivedCount = (doc: Y.Doc): number => {
	const value = chatMeta(doc).get(META_ARCHIVED);
	return typeof value === 'number' && value > 0 ? value : 0;
};
export const setArchivedCount = (doc: Y.Doc, count: number) => chatMeta(doc).set(META_ARCHIVED, count);

/** Appends a message written by this client; throws when it breaks the schema. */
export function appendChatMessage(doc: Y.Doc, message: ChatMessage): void {
	chatMessages(doc).push([chatMessageSchema.parse(message)]);
}

/** Replaces the entry at `index` by another one (a tombstone, or the restored message). */
export function replaceChatEntry(doc: Y.Doc, index: number, entry: ChatEntry): void {
	const messages = chatMessages(doc);
	doc.transact(() => {
		messages.delete(index, 1);
		messages.insert(index, [chatEntrySchema.parse(entry)]);
	});
}

export type ChatSnapshot = { version: number; archived: number; entries: ChatEntry[] };

/** The document as plain JSON, invalid entries left out. */
export function chatSnapshot(doc: Y.Doc): ChatSnapshot {
	return { version: CHAT_SCHEMA_VERSION, archived: archivedCount(doc), entries: readChatEntries(doc).map((e) => e.entry) };
}

/** A message id that works in insecure contexts too (venue Wi-Fi over plain http has no crypto.randomUUID). */
export function newChatMessageId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}
