// SQL for workshops, their themes, facilitators and participants.
import { statementCache, type Db } from '../../db/open';
import { newShortCode } from '../../shared/join-code';
import type { WorkshopFormat, WorkshopStatus } from '../../shared/vocabulary';

export type WorkshopRow = {
	id: string;
	edition_id: string;
	title: string;
	format: WorkshopFormat;
	description: string;
	track_id: string | null;
	track_position: number | null;
	room_id: string | null;
	starts_at: string;
	ends_at: string;
	status_override: WorkshopStatus | null;
	join_code: string;
	short_code: string;
	speakers: string;
	created_at: string;
	updated_at: string;
	/** Set by the programme import when the session left its source schedule. */
	cancelled_at?: string | null;
};
export type WorkshopWrite = Omit<WorkshopRow, 'join_code' | 'short_code' | 'created_at' | 'track_position' | 'cancelled_at'>;

export function createWorkshopsRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		findById: (id: string) => prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?').get(id),
		findByJoinCode: (code: string) => prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ?').get(code),
		findByShortCode: (code: string) => prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE short_code = ?').get(code),
		/** A short code no workshop holds yet. */
		unusedShortCode: () => newShortCode((code) => prepare('SELECT 1 FROM workshops WHERE short_code = ?').pluck().get(code) !== undefined),
		listByEdition: (editionId: string) =>
			prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE edition_id = ? ORDER BY starts_at, title').all(editionId),
		themeLinks: (editionId: string) =>
			db
				.prepare<[string], { workshop_id: string; theme_id: string }>(
					'SELECT wt.* FROM workshop_themes wt JOIN workshops w ON w.id = wt.workshop_id WHERE w.edition_id = ?'
				)
				.all(editionId),
		facilitatorLinks: (editionId: string) =>
			db
				.prepare<[string], { workshop_id: string; user_id: string; display_name: string }>(
					`SELECT wf.workshop_id, wf.user_id, u.display_name FROM workshop_facilitators wf
					 JOIN workshops w ON w.id = wf.workshop_id JOIN users u ON u.id = wf.user_id WHERE w.edition_id = ? ORDER BY u.display_name`
				)
				.all(editionId),
		insert(row: WorkshopWrite & { join_code: string; short_code: string; created_at: string }) {
			const position = row.track_id
				? (prepare('SELECT coalesce(max(track_position), -1) + 1 FROM workshops WHERE track_id = ?').pluck().get(row.track_id) as number)
				: null;
			prepare(
				`INSERT INTO workshops (id, edition_id, title, format, description, track_id, track_position, room_id, starts_at, ends_at, status_override, join_code, short_code, speakers, created_at, updated_at)
				 VALUES (@id, @edition_id, @title, @format, @description, @track_id, @track_position, @room_id, @starts_at, @ends_at, @status_override, @join_code, @short_code, @speakers, @created_at, @updated_at)`
			).run({ ...row, track_position: position });
		},
		update(row: WorkshopWrite) {
			prepare(
				`UPDATE workshops SET title = @title, format = @format, description = @description,
				 track_position = CASE WHEN track_id IS @track_id THEN track_position
				   ELSE (SELECT coalesce(max(track_position), -1) + 1 FROM workshops WHERE track_id = @track_id) END,
				 track_id = @track_id, room_id = @room_id, starts_at = @starts_at, ends_at = @ends_at,
				 status_override = @status_override, speakers = @speakers, updated_at = @updated_at
				 WHERE id = @id AND edition_id = @edition_id`
			).run(row);
		},
		delete: (editionId: string, id: string) => prepare('DELETE FROM workshops WHERE id = ? AND edition_id = ?').run(id, editionId).changes,
		setThemes(workshopId: string, themeIds: string[]) {
			prepare('DELETE FROM workshop_themes WHERE workshop_id = ?').run(workshopId);
			const insert = prepare('INSERT INTO workshop_themes (workshop_id, theme_id) VALUES (?, ?)');
			for (const id of new Set(themeIds)) insert.run(workshopId, id);
		},
		setFacilitators(workshopId: string, userIds: string[]) {
			prepare('DELETE FROM workshop_facilitators WHERE workshop_id = ?').run(workshopId);
			const insert = prepare('INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES (?, ?)');
			for (const id of new Set(userIds)) insert.run(workshopId, id);
		},
		addParticipant: (workshopId: string, userId: string, now: string) =>
			prepare('INSERT OR IGNORE INTO workshop_participants (workshop_id, user_id, joined_at) VALUES (?, ?, ?)').run(workshopId, userId, now),
		isParticipant: (workshopId: string, userId: string) =>
			prepare('SELECT 1 FROM workshop_participants WHERE workshop_id = ? AND user_id = ?').pluck().get(workshopId, userId) === 1,
		countParticipants: (workshopId: string) =>
			prepare('SELECT count(*) FROM workshop_participants WHERE workshop_id = ?').pluck().get(workshopId) as number
	};
}
export type WorkshopsRepo = ReturnType<typeof createWorkshopsRepo>;
