// SQL for pads (their content lives in the real-time document `pad:<id>`).
import { statementCache, type Db } from '../../db/open';

export type PadRow = {
	id: string;
	workshop_id: string;
	title: string;
	template: string | null;
	position: number;
	created_by: string | null;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
};

export function createPadsRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		findById: (id: string) => prepare<[string], PadRow>('SELECT * FROM pads WHERE id = ?').get(id),
		listByWorkshop: (workshopId: string) =>
			prepare<[string], PadRow>('SELECT * FROM pads WHERE workshop_id = ? ORDER BY position, created_at').all(workshopId),
		insert(row: Omit<PadRow, 'position' | 'deleted_at'>) {
			const position = prepare('SELECT coalesce(max(position), -1) + 1 FROM pads WHERE workshop_id = ?').pluck().get(row.workshop_id) as number;
			prepare(
				`INSERT INTO pads (id, workshop_id, title, template, position, created_by, created_at, updated_at)
				 VALUES (@id, @workshop_id, @title, @template, @position, @created_by, @created_at, @updated_at)`
			).run({ ...row, position });
		},
		rename: (id: string, title: string, now: string) => prepare('UPDATE pads SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id),
		setDeleted: (id: string, deletedAt: string | null) => prepare('UPDATE pads SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
	};
}
export type PadsRepo = ReturnType<typeof createPadsRepo>;
