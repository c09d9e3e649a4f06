// SQLite storage of real-time documents: updates appended with author and time, group-committed once per turn.
import { rootLogger } from '../log';
import type { Db } from '../db/open';
import { isStorageError, StorageHealth, storageUnavailable } from '../domain/storage-health';

export type PendingUpdate = { room: string; data: Uint8Array; authorId: string | null; at: number };
export type StoredRoom = { base: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number; lastSnapshotUpto: number };
export type VersionRow = { id: number; created_at: number; authors: string; reason: string; upto_update_id: number };

/**
 * `maxPendingBytes`: updates accepted but not yet written that are kept in memory (they were relayed already, so they
 * are never dropped); past it new updates are refused. `retryMs`: first and longest wait between retries of a failed write.
 */
export type DocStoreOptions = { health?: StorageHealth; maxPendingBytes?: number; retryMs?: { first: number; max: number } };
export const DEFAULT_MAX_PENDING_BYTES = 32 * 1024 * 1024;

export function createDocStore(db: Db, options: DocStoreOptions = {}) {
	const health = options.health ?? new StorageHealth();
	const maxPendingBytes = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
	const retryMs = options.retryMs ?? { first: 100, max: 5000 };
	const insertUpdate = db.prepare('INSERT INTO doc_updates (room, data, author_id, created_at) VALUES (?, ?, ?, ?)');
	const insertClient = db.prepare('INSERT OR IGNORE INTO doc_clients (room, client_id, user_id, first_seen) VALUES (?, ?, ?, ?)');
	const latestSnapshot = db.prepare<[string], { data: Buffer; upto_update_id: number }>(
		'SELECT data, upto_update_id FROM doc_snapshots WHERE room = ? ORDER BY id DESC LIMIT 1'
	);
	const updatesAfter = db.prepare<[string, number], { id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE room = ? AND id > ? ORDER BY id');
	const selectClientAuthors = db.prepare<[string], { client_id: number; user_id: string | null }>('SELECT client_id, user_id FROM doc_clients WHERE room = ?');

	let queue: PendingUpdate[] = [];
	let clients: { room: string; clientId: number; userId: string | null; at: number }[] = [];
	let scheduled = false;
	let pendingBytes = 0;
	let retryTimer: NodeJS.Timeout | null = null;
	let retryDelay = retryMs.first;
	// Tells the search indexer which rooms changed, in the same commit: one row per room, however many updates.
	const markChanged = db.prepare('INSERT INTO search_dirty (room, marked_at) VALUES (?, ?) ON CONFLICT(room) DO UPDATE SET marked_at = excluded.marked_at');
	let lastMark = 0;
	const writeBatch = db.transaction((updates: PendingUpdate[], newClients: typeof clients) => {
		let previousRoom = '';
		const changed = new Set<string>();
		for (const u of updates) {
			insertUpdate.run(u.room, u.data, u.authorId, u.at);
			if (u.room !== previousRoom) changed.add((previousRoom = u.room));
		}
		for (const c of newClients) insertClient.run(c.room, c.clientId, c.userId, c.at);
		// Strictly increasing, so the indexer clears a mark only if nothing changed since it read the room.
		if (changed.size > 0) lastMark = Math.max(lastMark + 1, Date.now());
		for (const room of changed) markChanged.run(room, lastMark);
	});

	/** Writes what is pending; false when the write failed (everything stays queued, in order, and is retried with backoff). */
	function flush(): boolean {
		scheduled = false;
		if (queue.length === 0 && clients.length === 0) return true;
		const [updates, newClients] = [queue, clients];
		queue = [];
		clients = [];
		try {
			writeBatch(updates, newClients);
		} catch (e) {
			// Whatever the cause (disk full, read-only, I/O error, a lock held too long), these updates were relayed:
			// keep them and refuse new ones until they are written, rather than lose them or take every room down.
			queue = updates.concat(queue);
			clients = newClients.concat(clients);
			if (!health.hasWriteError) rootLogger().error({ component: 'collab', updates: updates.length, pendingBytes, err: e }, 'cannot write updates: kept in memory, retrying');
			health.writeFailed(e);
			scheduleRetry();
			return false;
		}
		for (const u of updates) pendingBytes -= u.data.byteLength;
		retryDelay = retryMs.first;
		if (health.hasWriteError) rootLogger().warn({ component: 'collab' }, 'writes succeed again: pending updates stored');
		health.writeSucceeded();
		return true;
	}

	function scheduleRetry() {
		if (retryTimer) return;
		retryTimer = setTimeout(() => {
			retryTimer = null;
			retryDelay = Math.min(retryDelay * 2, retryMs.max);
			flush();
		}, retryDelay);
		retryTimer.unref();
	}

	function schedule() {
		if (scheduled || retryTimer) return;
		scheduled = true;
		// Group commit: every update received in the next few milliseconds is written in one transaction, after
		// the rooms have sent this turn's updates on (their fan-out runs first, in this turn's check phase).
		setTimeout(flush, 2);
	}

	/** Snapshots need the updates written first; a failing snapshot leaves the update log as it was. */
	function writeSnapshot<T>(write: () => T): T {
		if (!health.writable || !flush()) throw storageUnavailable();
		try {
			return write();
		} catch (e) {
			if (isStorageError(e)) throw storageUnavailable();
			throw e;
		}
	}

	return {
		health,
		/** Queues an update for the next group commit; throws `insufficient_storage` while storage is down or the backlog is full. */
		append(update: PendingUpdate) {
			if (!health.writable || pendingBytes + update.data.byteLength > maxPendingBytes) throw storageUnavailable();
			pendingBytes += update.data.byteLength;
			queue.push(update);
			schedule();
		},
		/** Bytes of updates accepted but not yet written. */
		pendingBytes: () => pendingBytes,
		recordClient(room: string, clientId: number, userId: string | null) {
			clients.push({ room, clientId, userId, at: Date.now() });
			schedule();
		},
		flush,

		load(room: string): StoredRoom {
			flush();
			const snapshot = latestSnapshot.get(room);
			const upto = snapshot?.upto_update_id ?? 0;
			const rows = updatesAfter.all(room, upto);
			// Updates a failing disk has not taken yet belong to the room all the same.
			const unwritten = queue.filter((u) => u.room === room).map((u) => u.data);
			return {
				base: snapshot ? new Uint8Array(snapshot.data) : null,
				updates: [...rows.map((r) => new Uint8Array(r.data)), ...unwritten],
				lastUpdateId: rows.at(-1)?.id ?? upto,
				lastSnapshotUpto: upto
			};
		},

		/** Stores the whole document as a version and drops the updates it contains; authorship stays in doc_clients and the version's authors. */
		saveSnapshot(room: string, data: Uint8Array, reason: string): number | null {
			return writeSnapshot(db.transaction(() => {
				const upto = (db.prepare('SELECT max(id) FROM doc_updates WHERE room = ?').pluck().get(room) as number | null) ?? 0;
				const previous = (db.prepare('SELECT max(upto_update_id) FROM doc_snapshots WHERE room = ?').pluck().get(room) as number | null) ?? 0;
				if (upto <= previous && reason === 'compaction') return null;
				const authors = db
					.prepare('SELECT DISTINCT author_id FROM doc_updates WHERE room = ? AND id > ? AND id <= ? AND author_id IS NOT NULL')
					.pluck()
					.all(room, previous, upto) as string[];
				const info = db
					.prepare('INSERT INTO doc_snapshots (room, data, upto_update_id, authors, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
					.run(room, data, Math.max(upto, previous), JSON.stringify(authors), reason, Date.now());
				db.prepare('DELETE FROM doc_updates WHERE room = ? AND id <= ?').run(room, upto);
				return Number(info.lastInsertRowid);
			}));
		},

		/** Deletes every version but the newest (used after a purge). */
		dropOlderVersions(room: string) {
			db.prepare('DELETE FROM doc_snapshots WHERE room = ? AND id < (SELECT max(id) FROM doc_snapshots WHERE room = ?)').run(room, room);
		},

		listVersions: (room: string) =>
			db.prepare<[string], VersionRow>('SELECT id, created_at, authors, reason, upto_update_id FROM doc_snapshots WHERE room = ? ORDER BY id DESC').all(room),
		versionData(room: string, id: number): Uint8Array | null {
			const row = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE room = ? AND id = ?').get(room, id);
			return row ? new Uint8Array(row.data) : null;
		},
		/** Authors of updates not yet in a version. */
		pendingAuthors: (room: string) =>
			db
				.prepare(
					'SELECT DISTINCT author_id FROM doc_updates WHERE room = ? AND author_id IS NOT NULL AND id > coalesce((SELECT max(upto_update_id) FROM doc_snapshots WHERE room = ?), 0)'
				)
				.pluck()
				.all(room, room) as string[],
		clientAuthors: (room: string) => selectClientAuthors.all(room)
	};
}
export type DocStore = ReturnType<typeof createDocStore>;
