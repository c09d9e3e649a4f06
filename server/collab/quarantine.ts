// Moves stored rows of a room that no longer apply (updates, versions) into doc_quarantine when the room loads.
import { rootLogger } from '../log';
import * as Y from 'yjs';
import type { Db } from '../db/open';
import type { DocStore } from './doc-store';
import { checkUpdate, readsToTheEnd } from './update-check';

import type { QuarantinedUpdate } from '../domain/ports';

export type QuarantinedRow = QuarantinedUpdate;

type SnapshotRow = { id: number; data: Buffer; upto_update_id: number; created_at: number };
type UpdateRow = { id: number; data: Buffer; author_id: string | null; created_at: number };

const errorOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Checks a room's stored rows the way the room will read them (the newest version, then the updates after it),
 * before the room loads. Usually each row reads to its end and they merge: done. Otherwise they are applied one by
 * one to a Y.Doc, and a row that does not read or apply goes to doc_quarantine in the same transaction that removes
 * it; the room opens from the rest.
 */
export function createQuarantine(db: Db, clock: () => number = Date.now) {
	const latestSnapshot = db.prepare<[string], SnapshotRow>('SELECT id, data, upto_update_id, created_at FROM doc_snapshots WHERE room = ? ORDER BY id DESC LIMIT 1');
	const updatesAfter = db.prepare<[string, number], UpdateRow>('SELECT id, data, author_id, created_at FROM doc_updates WHERE room = ? AND id > ? ORDER BY id');
	const insert = db.prepare(
		'INSERT INTO doc_quarantine (room, source, source_id, data, author_id, created_at, quarantined_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const moveSnapshot = db.transaction((room: string, row: SnapshotRow, error: string) => {
		insert.run(room, 'snapshot', row.id, row.data, null, row.created_at, clock(), error);
		db.prepare('DELETE FROM doc_snapshots WHERE id = ?').run(row.id);
	});
	const moveUpdates = db.transaction((room: string, rows: { row: UpdateRow; error: string }[]) => {
		for (const { row, error } of rows) {
			insert.run(room, 'update', row.id, row.data, row.author_id, row.created_at, clock(), error);
			db.prepare('DELETE FROM doc_updates WHERE id = ?').run(row.id);
		}
	});

	/** The newest version that applies (older ones are tried in turn); the bad ones are moved aside. */
	function validBase(room: string, doc: Y.Doc): { upto: number; moved: number } {
		let moved = 0;
		for (let row = latestSnapshot.get(room); row; row = latestSnapshot.get(room)) {
			try {
				checkUpdate(null, row.data);
				Y.applyUpdate(doc, row.data);
				return { upto: row.upto_update_id, moved };
			} catch (e) {
				moveSnapshot(room, row, errorOf(e));
				moved++;
			}
		}
		return { upto: 0, moved };
	}

	/** The usual case, without a Y.Doc: every row reads to its end and they merge (what the room does with them). */
	function allSound(room: string): boolean {
		const snapshot = latestSnapshot.get(room);
		const rows = [...(snapshot ? [snapshot.data] : []), ...updatesAfter.all(room, snapshot?.upto_update_id ?? 0).map((r) => r.data)];
		if (!rows.every((data) => readsToTheEnd(data))) return false;
		try {
			Y.mergeUpdates(rows);
			return true;
		} catch {
			return false;
		}
	}

	return {
		/** Returns how many rows were moved aside (0 almost always). */
		screen(room: string): number {
			if (allSound(room)) return 0;
			const doc = new Y.Doc({ gc: false });
			try {
				const base = validBase(room, doc);
				const bad: { row: UpdateRow; error: string }[] = [];
				for (const row of updatesAfter.all(room, base.upto)) {
					try {
						// Read fully first: Yjs would integrate the structs of an update whose delete set it then fails to read.
						checkUpdate(null, row.data);
						Y.applyUpdate(doc, row.data);
					} catch (e) {
						bad.push({ row, error: errorOf(e) });
					}
				}
				if (bad.length > 0) moveUpdates(room, bad);
				const moved = base.moved + bad.length;
				if (moved > 0) rootLogger().warn({ component: 'collab', room, moved }, 'stored rows did not apply and were moved to doc_quarantine');
				return moved;
			} finally {
				doc.destroy();
			}
		},

		list(limit = 200): QuarantinedRow[] {
			return db
				.prepare<[number], { id: number; room: string; source: 'update' | 'snapshot'; size: number; author_id: string | null; created_at: number; quarantined_at: number; error: string }>(
					'SELECT id, room, source, length(data) AS size, author_id, created_at, quarantined_at, error FROM doc_quarantine ORDER BY id DESC LIMIT ?'
				)
				.all(limit)
				.map((r) => ({ id: r.id, room: r.room, source: r.source, size: r.size, authorId: r.author_id, createdAt: r.created_at, quarantinedAt: r.quarantined_at, error: r.error }));
		}
	};
}
export type Quarantine = ReturnType<typeof createQuarantine>;

/** The store every reader uses (rooms, exports, the search indexer): each load screens the room's rows first. */
export function withQuarantine(store: DocStore, quarantine: Quarantine): DocStore {
	return {
		...store,
		load(room) {
			store.flush(); // rows still in the group commit are read too
			quarantine.screen(room);
			return store.load(room);
		}
	};
}
