// SQL for chat reports: messages participants flagged, waiting in the workshop's moderation queue until resolved.
import type { Db } from '../../db/open';

export type ReportRow = { id: string; message_id: string; reporter_id: string | null; reason: string; created_at: number };
export type OpenReportCount = { workshop_id: string; n: number; since: number };

export function createChatReportsRepo(db: Db) {
	return {
		/** false when this person already has an open report on the message. */
		insert(row: ReportRow & { workshop_id: string }): boolean {
			const result = db
				.prepare(
					`INSERT INTO chat_reports (id, workshop_id, message_id, reporter_id, reason, created_at) VALUES (@id, @workshop_id, @message_id, @reporter_id, @reason, @created_at)
					 ON CONFLICT DO NOTHING`
				)
				.run(row);
			return result.changes === 1;
		},
		open: (workshopId: string) =>
			db
				.prepare<[string], ReportRow>('SELECT id, message_id, reporter_id, reason, created_at FROM chat_reports WHERE workshop_id = ? AND resolved_at IS NULL ORDER BY created_at')
				.all(workshopId),
		/** Closes every open report of a message; returns how many. */
		resolve(workshopId: string, messageId: string, resolution: 'hidden' | 'dismissed', byName: string, at: number): number {
			return db
				.prepare('UPDATE chat_reports SET resolved_at = ?, resolution = ?, resolved_by_name = ? WHERE workshop_id = ? AND message_id = ? AND resolved_at IS NULL')
				.run(at, resolution, byName, workshopId, messageId).changes;
		},
		/** Messages waiting, per workshop of the edition, with the oldest report's time: for the desk. */
		openCountsByEdition: (editionId: string) =>
			db
				.prepare<[string], OpenReportCount>(
					`SELECT r.workshop_id, count(DISTINCT r.message_id) AS n, min(r.created_at) AS since FROM chat_reports r JOIN workshops w ON w.id = r.workshop_id
					 WHERE w.edition_id = ? AND r.resolved_at IS NULL GROUP BY r.workshop_id`
				)
				.all(editionId)
	};
}
export type ChatReportsRepo = ReturnType<typeof createChatReportsRepo>;
