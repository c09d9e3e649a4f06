// The BlobStore port: content-addressed bytes, written so that a failed upload leaves nothing behind.
import type { Readable } from 'node:stream';

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
