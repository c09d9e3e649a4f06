// SQL for help requests to the MédiaLab desk.
import { statementCache, type Db } from '../../db/open';

export type HelpStatus = 'open' | 'claimed' | 'done' | 'cancelled';
export type HelpRequestRow = {
	id: string;
	edition_id: string;
	workshop_id: string;
	requester_id: string | null;
	requester_name: string;
	token_hash: string;
	message: string;
	place: string;
	status: HelpStatus;
	created_at: number;
	claimed_at: number | null;
	claimed_by: string | null;
	claimed_by_name: string | null;
	closed_at: number | null;
};

export function createHelpRequestsRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		insert(row: Omit<HelpRequestRow, 'claimed_at' | 'claimed_by' | 'claimed_by_name' | 'closed_at'>) {
			prepare(
				`INSERT INTO help_requests (id, edition_id, workshop_id, requester_id, requester_name, token_hash, message, place, status, created_at)
				 VALUES (@id, @edition_id, @workshop_id, @requester_id, @requester_name, @token_hash, @message, @place, @status, @created_at)`
			).run(row);
		},
		findById: (id: string) => prepare<[string], HelpRequestRow>('SELECT * FROM help_requests WHERE id = ?').get(id),
		/** Open and claimed requests of an edition, oldest first: the desk's queue. */
		listPending: (editionId: string) =>
			prepare<[string], HelpRequestRow>(`SELECT * FROM help_requests WHERE edition_id = ? AND status IN ('open', 'claimed') ORDER BY created_at`).all(editionId),
		listAll: (editionId: string) => prepare<[string], HelpRequestRow>('SELECT * FROM help_requests WHERE edition_id = ? ORDER BY created_at').all(editionId),
		claim(id: string, by: { id: string; name: string }, at: number): boolean {
			return (
				prepare(`UPDATE help_requests SET status = 'claimed', claimed_at = ?, claimed_by = ?, claimed_by_name = ? WHERE id = ? AND status = 'open'`).run(at, by.id, by.name, id)
					.changes === 1
			);
		},
		/** Over: the text and the place leave with it, only names and times stay for the key figures. */
		finish(id: string, status: 'done' | 'cancelled', at: number): boolean {
			return (
				prepare(`UPDATE help_requests SET status = ?, closed_at = ?, message = '', place = '' WHERE id = ? AND status IN ('open', 'claimed')`).run(status, at, id)
					.changes === 1
			);
		}
	};
}
export type HelpRequestsRepo = ReturnType<typeof createHelpRequestsRepo>;
