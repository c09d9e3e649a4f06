// Files whose derived processing failed (preview, text extraction): recorded per blob by the adapters, read by the desk.
import type { Db } from '../../db/open';
import type { FileProcessingLog, FileProcessingStage } from '../ports';

export function createFileFailuresRepo(db: Db, clock: () => number): FileProcessingLog & { failedByEdition(editionId: string): Map<string, { count: number; since: number }> } {
	const upsert = db.prepare(
		'INSERT INTO file_failures (sha256, stage, reason, failed_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256, stage) DO UPDATE SET reason = excluded.reason'
	);
	const remove = db.prepare('DELETE FROM file_failures WHERE sha256 = ? AND stage = ?');
	// Per workshop: its files in use (not in the bin) with at least one failed stage; a blob shared by two files counts twice.
	const byEdition = db.prepare<[string], { workshop_id: string; n: number; since: number }>(
		`SELECT f.workshop_id, count(DISTINCT f.id) AS n, min(x.failed_at) AS since FROM files f
		 JOIN workshops w ON w.id = f.workshop_id JOIN file_failures x ON x.sha256 = f.sha256
		 WHERE w.edition_id = ? AND f.trashed_at IS NULL GROUP BY f.workshop_id`
	);
	return {
		failed(sha256: string, stage: FileProcessingStage, reason: string) {
			upsert.run(sha256, stage, reason.slice(0, 300), clock());
		},
		succeeded(sha256: string, stage: FileProcessingStage) {
			remove.run(sha256, stage);
		},
		failedByEdition: (editionId: string) => new Map(byEdition.all(editionId).map((r) => [r.workshop_id, { count: r.n, since: r.since }]))
	};
}
export type FileFailuresRepo = ReturnType<typeof createFileFailuresRepo>;
