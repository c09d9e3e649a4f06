// SQLite storage of real-time documents: updates appended with author and time, group-committed once per turn.
import type { Db } from '../db/open';

export type PendingUpdate = { room: string; data: Uint8Array; authorId: string | null; at: number };
export type StoredRoom = { base: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number; lastSnapshotUpto: number };
export type VersionRow = { id: number; created_at: number; authors: string; reason: string; upto_update_id: number };

export function createDocStore(db: Db) {
	const insertUpdate = db.prepare('INSERT INTO doc_updates (room, data, author_id, created_at) VALUES (?, ?, ?, ?)');
	const insertClient = db.prepare('INSERT OR IGNORE INTO doc_clients (room, client_id, user_id, first_seen) VALUES (?, ?, ?, ?)');
	const latestSnapshot = db.prepare<[string], { data: Buffer; upto_update_id: number }>(
		'SELECT data, upto_update_id FROM doc_snapshots WHERE room = ? ORDER BY id DESC LIMIT 1'
	);
	const updatesAfter = db.prepare<[string, number], { id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE room = ? AND id > ? ORDER BY id');

	let queue: PendingUpdate[] = [];
	let clients: { room: string; clientId: number; userId: string | null; at: number }[] = [];
	let scheduled = false;
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

	function flush() {
		scheduled = false;
		if (queue.length === 0 && clients.length === 0) return;
		const [updates, newClients] = [queue, clients];
		queue = [];
		clients = [];
		writeBatch(updates, newClients);
	}

	function schedule() {
		if (scheduled) return;
		scheduled = true;
		// Group commit: every update received in the next few milliseconds is written in one transaction, after
		// the rooms have sent this turn's updates on (their fan-out runs first, in this turn's check phase).
		setTimeout(flush, 2);
	}

	return {
		append(update: PendingUpdate) {
			queue.push(update);
			schedule();
		},
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
			return {
				base: snapshot ? new Uint8Array(snapshot.data) : null,
				updates: rows.map((r) => new Uint8Array(r.data)),
				lastUpdateId: rows.at(-1)?.id ?? upto,
				lastSnapshotUpto: upto
			};
		},

		/** Stores the whole document as a version and drops the updates it contains; authorship stays in doc_clients and the version's authors. */
		saveSnapshot(room: string, data: Uint8Array, reason: string): number | null {
			flush();
			return db.transaction(() => {
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
			})();
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
		clientAuthors: (room: string) =>
			db.prepare<[string], { client_id: number; user_id: string | null }>('SELECT client_id, user_id FROM doc_clients WHERE room = ?').all(room)
	};
}
export type DocStore = ReturnType<typeof createDocStore>;
