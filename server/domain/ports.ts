// What the domain needs from outside, implemented by the adapters and wired in app.ts: blob storage (storage/) and live documents (collab/).
import type { Readable } from 'node:stream';
import type { ChatEntry, ChatMessage, ChatSnapshot } from '../shared/chat-doc';
import type { DriveBatch, DriveFile, DriveFolder, DriveSnapshot } from '../shared/drive-doc';

// --- Blob storage: content-addressed bytes, written so that a failed upload leaves nothing behind.

/** Bytes written aside but not yet visible under their hash; commit() publishes them, discard() forgets them. */
export type StagedBlob = {
	sha256: string;
	size: number;
	/** The first bytes of the content, for type sniffing. */
	head: Uint8Array;
	commit(): Promise<void>;
	discard(): Promise<void>;
};

export type ByteRange = { start: number; end: number };

export class BlobTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`blob exceeds ${limit} bytes`);
		this.name = 'BlobTooLargeError';
	}
}

export interface BlobStore {
	/** Streams bytes aside while hashing them; rejects with BlobTooLargeError past maxBytes, leaving nothing. */
	stage(source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StagedBlob>;
	/** The stored bytes (or one inclusive range of them); null when no blob has this hash. */
	open(sha256: string, range?: ByteRange): Readable | null;
	has(sha256: string): boolean;
	remove(sha256: string): Promise<void>;
	/** Every stored blob with the time it was last written (or re-committed by an identical upload). */
	list(): AsyncIterable<{ sha256: string; modifiedAt: number }>;
	/** Removes staged bytes written before `before` (ms since epoch) that were never committed (a crash mid-upload); returns how many. */
	removeStaleStaging(before: number): Promise<number>;
}

export const HEAD_BYTES = 8192;

// --- Live documents: the collab layer alone writes Yjs state; the domain asks it through these.

/** A pad's content as ProseMirror JSON. */
export type PadJson = { type: 'doc'; content?: unknown[] };

export type PadVersion = { id: number; createdAt: number; authorIds: string[]; reason: string };

/** The real-time engine's pad documents, as the pads use cases see them (implemented by server/collab/pad-documents.ts). */
export interface LiveDocuments {
	applyTemplate(padId: string, templateKey: string, authorId: string | null): void;
	currentContent(padId: string): PadJson;
	/** Saved versions, newest first, and who wrote since the last one. */
	history(padId: string): { versions: PadVersion[]; unsavedAuthorIds: string[] };
	versionContent(padId: string, versionId: number): PadJson;
	/** null when nothing changed since the last version. */
	saveVersion(padId: string): number | null;
	restoreVersion(padId: string, versionId: number, authorId: string | null): void;
	/** Appends blocks at the end (a synthesis' migrated text, a citation), credited to `authorId`. */
	appendContent(padId: string, json: PadJson, authorId: string | null): void;
	/** Replaces the whole content, credited to `authorId`; the history keeps the old one. */
	replaceContent(padId: string, json: PadJson, authorId: string | null): void;
}

export type Moderator = { id: string; name: string };
export type HiddenMessage = { message: ChatMessage; hidden: { byId: string; byName: string; at: number } };
export type ArchivePage = { entries: ChatEntry[]; nextCursor: number | null };
/** One piece of a promoted quote's attribution line: plain text, a person named by id (never by frozen text), or the link back. */
export type AttributionPart = { text: string } | { person: { userId: string; name: string } } | { link: { text: string; href: string } };
/** What a promoted quote says under the text: « — <person Bob>, dans le chat, <link>13/09/2018 14:02</link> ». */
export type Attribution = AttributionPart[];

/** What use cases ask of live chats (collab/chat-documents implements it). */
export type ChatDocumentsPort = {
	snapshot(workshopId: string): ChatSnapshot;
	/** Moves old messages out of the live room; returns how many. */
	archiveOverflow(workshopId: string): number;
	archivePage(workshopId: string, before: number | null, limit: number): ArchivePage;
	findMessage(workshopId: string, messageId: string): ChatMessage | null;
	hide(workshopId: string, messageId: string, by: Moderator): void;
	unhide(workshopId: string, messageId: string): void;
	hiddenMessages(workshopId: string): HiddenMessage[];
	/** Quotes a message into a pad, credited to whoever promoted it. */
	promote(padId: string, message: ChatMessage, attribution: Attribution, authorId: string): void;
	/** Erasure: the person's name leaves their messages and the room's stored history; returns how many changed. */
	renamePerson(workshopId: string, userId: string, name: string): number;
};

/** What use cases ask of live drives (collab/drive-documents implements it). */
export type DriveDocumentsPort = {
	putFile(workshopId: string, file: DriveFile, authorId: string | null): void;
	removeFile(workshopId: string, fileId: string): void;
	putFolder(workshopId: string, folder: DriveFolder, authorId: string | null): void;
	removeFolder(workshopId: string, folderId: string): void;
	/** Writes a batch as one update: connected clients see a folder and its contents go to the trash together. */
	apply(workshopId: string, batch: DriveBatch, authorId: string | null): void;
	file(workshopId: string, fileId: string): DriveFile | null;
	snapshot(workshopId: string): DriveSnapshot;
	/** Erasure: the person's name leaves the entries they added and the room's stored history; returns how many changed. */
	renamePerson(workshopId: string, userId: string, name: string): number;
};

// --- Activity: what the desk learns from the real-time layer (collab/activity-feed implements it).

/** Counts, never keystrokes: the feed reports each room's updates at most once per second. */
export type ActivityFeed = {
	/** `listener(room, updates)`: updates a room took in the last second. Returns the unsubscribe. */
	onActivity(listener: (room: string, updates: number) => void): () => void;
	/** Who is connected to a room now: user ids (null for connections without an account), one per connection. */
	presence(room: string): (string | null)[];
};

// --- People named in pads: the collab layer rewrites their label when their credit choice changes (collab/pad-people implements it).

export type PadPeoplePort = {
	/** Sets the label of every node naming `userId` in the live pad; returns how many changed. */
	renamePerson(padId: string, userId: string, name: string): number;
};
