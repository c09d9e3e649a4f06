// Where the indexer stands, in SQLite: its outbox cursor and the changed-room marks it has yet to clear.
import type { Db } from '../db/open';
import type { OutboxRow } from '../domain/outbox/outbox.repo';

const CURSOR = 'outbox_cursor';

export type RoomMark = { room: string; marked_at: number };

export function createIndexProgress(db: Db) {
	const readState = db.prepare<[string], string>('SELECT value FROM search_state WHERE name = ?').pluck();
	const writeState = db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
	const outboxAfter = db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?');
	const hasOutbox = db.prepare<[number], number>('SELECT 1 FROM outbox WHERE id > ? LIMIT 1').pluck();
	const marks = db.prepare<[number], RoomMark>('SELECT room, marked_at FROM search_dirty ORDER BY marked_at LIMIT ?');
	const hasMarks = db.prepare<[], number>('SELECT 1 FROM search_dirty LIMIT 1').pluck();
	const clearMark = db.prepare('DELETE FROM search_dirty WHERE room = ? AND marked_at = ?');

	const cursor = () => Number(readState.get(CURSOR) ?? 0);

	return {
		cursor,
		/** The next outbox rows and room marks to index, at most `limit` of each. */
		next: (limit: number) => ({ rows: outboxAfter.all(cursor(), limit), rooms: marks.all(limit) }),
		hasOutbox: () => hasOutbox.get(cursor()) === 1,
		hasMarks: () => hasMarks.get() === 1,
		/** Every outbox row up to now and every current mark, for a full rebuild. */
		snapshot: () => ({
			upto: (db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number) ?? 0,
			rooms: db.prepare<[], RoomMark>('SELECT room, marked_at FROM search_dirty').all()
		}),
		/** Once a batch is applied: the cursor moves past `upto` and the marks read are cleared (only if unchanged since). */
		done(upto: number | null, rooms: RoomMark[]) {
			db.transaction(() => {
				if (upto !== null && upto > cursor()) writeState.run(CURSOR, String(upto));
				for (const r of rooms) clearMark.run(r.room, r.marked_at);
			})();
		}
	};
}
