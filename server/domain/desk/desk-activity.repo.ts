// What the desk reads of the real-time store, aggregated: counts of updates per pad per minute, last edits, pads nobody wrote in.
// doc_updates and doc_clients belong to the real-time layer (server/collab/doc-store.ts); this repo only ever reads
// counts and times from them, never content, and nothing else in the domain queries them for the desk.
import type { Db } from '../../db/open';

export type PadActivity = { padId: string; workshopId: string; perMinute: number[]; lastEditAt: number | null; written: boolean };

export const WINDOW_MINUTES = 15;

export function createDeskActivityRepo(db: Db) {
	const pads = db.prepare<[string], { id: string; workshop_id: string }>(
		`SELECT p.id, p.workshop_id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = ? AND p.deleted_at IS NULL`
	);
	const buckets = db.prepare<[number, number, string], { room: string; minute: number; n: number }>(
		`SELECT u.room, CAST((u.created_at - ?) / 60000 AS INTEGER) AS minute, count(*) AS n FROM doc_updates u
		 WHERE u.created_at >= ? AND u.author_id IS NOT NULL AND u.room IN (SELECT 'pad:' || p.id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = ?)
		 GROUP BY u.room, minute`
	);
	const lastEdits = db.prepare<[string], { room: string; at: number }>(
		`SELECT u.room, max(u.created_at) AS at FROM doc_updates u
		 WHERE u.author_id IS NOT NULL AND u.room IN (SELECT 'pad:' || p.id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = ?)
		 GROUP BY u.room`
	);
	// doc_clients survives compaction: a pad someone wrote in keeps a row naming them.
	const writtenRooms = db.prepare<[string], { room: string }>(
		`SELECT DISTINCT c.room FROM doc_clients c
		 WHERE c.user_id IS NOT NULL AND c.room IN (SELECT 'pad:' || p.id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = ?)`
	);

	return {
		/** Every pad of the edition with its edits per minute over the last 15 minutes (oldest first), its last edit, and whether anyone ever wrote in it. */
		padsOfEdition(editionId: string, now: number): PadActivity[] {
			const since = now - WINDOW_MINUTES * 60_000;
			const perRoom = new Map<string, number[]>();
			for (const b of buckets.all(since, since, editionId)) {
				const series = perRoom.get(b.room) ?? Array<number>(WINDOW_MINUTES).fill(0);
				if (b.minute >= 0 && b.minute < WINDOW_MINUTES) series[b.minute] = b.n;
				perRoom.set(b.room, series);
			}
			const last = new Map(lastEdits.all(editionId).map((r) => [r.room, r.at]));
			const written = new Set(writtenRooms.all(editionId).map((r) => r.room));
			return pads.all(editionId).map((p) => {
				const room = `pad:${p.id}`;
				return {
					padId: p.id,
					workshopId: p.workshop_id,
					perMinute: perRoom.get(room) ?? Array<number>(WINDOW_MINUTES).fill(0),
					lastEditAt: last.get(room) ?? null,
					written: written.has(room) || last.has(room)
				};
			});
		},
		/** Workshops of the edition with a deliverable past the draft stage. */
		workshopsWithDeliverable: (editionId: string) =>
			new Set(
				db
					.prepare<[string], string>(`SELECT DISTINCT workshop_id FROM deliverables WHERE edition_id = ? AND status IN ('review', 'published')`)
					.pluck()
					.all(editionId)
			),
		/** False once the database closed (shutdown, tests): the activity feed's last report may come after. */
		isOpen: () => db.open,
		/** Which workshop owns a pad (for the activity feed's room names). */
		workshopOfPad: (padId: string) =>
			db.prepare<[string], { workshop_id: string; edition_id: string }>('SELECT p.workshop_id, w.edition_id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE p.id = ?').get(padId),
		workshopEdition: (workshopId: string) => db.prepare<[string], string>('SELECT edition_id FROM workshops WHERE id = ?').pluck().get(workshopId) ?? null
	};
}
export type DeskActivityRepo = ReturnType<typeof createDeskActivityRepo>;
