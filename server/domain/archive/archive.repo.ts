// SQL the archive's key figures need: an edition's pads, files and the distinct people who wrote in it.
import { statementCache, type Db } from '../../db/open';

const editionRooms = `SELECT 'pad:' || p.id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = @edition AND p.deleted_at IS NULL
	UNION SELECT 'chat:' || id FROM workshops WHERE edition_id = @edition`;

export function createArchiveRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		listPads: (editionId: string) =>
			prepare<[string], { id: string; workshop_id: string }>(
				`SELECT p.id, p.workshop_id FROM pads p JOIN workshops w ON w.id = p.workshop_id
				 WHERE w.edition_id = ? AND p.deleted_at IS NULL ORDER BY p.workshop_id, p.position`
			).all(editionId),
		filesPerWorkshop: (editionId: string) =>
			prepare<[string], { workshop_id: string; files: number }>(
				`SELECT f.workshop_id, count(*) AS files FROM files f JOIN workshops w ON w.id = f.workshop_id
				 WHERE w.edition_id = ? AND f.trashed_at IS NULL GROUP BY f.workshop_id`
			).all(editionId),
		/** People who wrote in a pad or the chat (per-update authorship, before and after compaction) or uploaded a file. */
		countContributors: (editionId: string) =>
			prepare<{ edition: string }, number>(
				`SELECT count(*) FROM (
				   SELECT author_id AS id FROM doc_updates WHERE author_id IS NOT NULL AND room IN (${editionRooms})
				   UNION SELECT j.value FROM doc_snapshots s, json_each(s.authors) j WHERE s.room IN (${editionRooms})
				   UNION SELECT f.uploaded_by FROM files f JOIN workshops w ON w.id = f.workshop_id WHERE w.edition_id = @edition AND f.uploaded_by IS NOT NULL
				 )`
			)
				.pluck()
				.get({ edition: editionId }) as number,
		/** When each contribution was made: pad and chat edits not yet compacted, files shared, versions published. */
		contributionTimes(editionId: string): number[] {
			const rows = prepare<{ edition: string }, { at: number | string }>(
				`SELECT created_at AS at FROM doc_updates WHERE room IN (${editionRooms})
				 UNION ALL SELECT f.uploaded_at FROM files f JOIN workshops w ON w.id = f.workshop_id WHERE w.edition_id = @edition AND f.trashed_at IS NULL
				 UNION ALL SELECT v.published_at FROM deliverable_versions v JOIN deliverables d ON d.id = v.deliverable_id WHERE d.edition_id = @edition AND v.withdrawn_at IS NULL`
			).all({ edition: editionId });
			return rows.map((r) => (typeof r.at === 'number' ? r.at : Date.parse(r.at))).filter(Number.isFinite);
		}
	};
}
export type ArchiveRepo = ReturnType<typeof createArchiveRepo>;
