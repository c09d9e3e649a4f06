// SQL for series, editions, their members and invites.
import { statementCache, type Db } from '../../db/open';
import type { EditionView } from '../../shared/programme-views';
import type { EditionRole, EditionStatus } from '../../shared/vocabulary';

/** The row as stored is also what pages receive: its shape is the browser-safe `EditionView`. */
export type EditionRow = EditionView;
export type MemberRow = { user_id: string; display_name: string; username: string | null; is_guest: number; role: EditionRole; title: string; joined_at: string };
export type InviteRow = {
	id: string;
	token_hash: string;
	edition_id: string;
	role: 'organiser' | 'facilitator';
	note: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_by: string | null;
	used_at: string | null;
};

const editionSelect = `SELECT editions.*, series.title AS series_title FROM editions LEFT JOIN series ON series.id = editions.series_id`;

export function createEditionsRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		findById: (id: string) => prepare<[string], EditionRow>(`${editionSelect} WHERE editions.id = ?`).get(id),
		listPublished: () => prepare<[], EditionRow>(`${editionSelect} WHERE status = 'published' ORDER BY starts_on DESC`).all(),
		listForUser: (userId: string) =>
			db
				.prepare<[string], EditionRow & { role: EditionRole }>(
					`${editionSelect} JOIN edition_members m ON m.edition_id = editions.id WHERE m.user_id = ? ORDER BY starts_on DESC`
				)
				.all(userId),
		listAll: () => prepare<[], EditionRow>(`${editionSelect} ORDER BY starts_on DESC`).all(),
		findOrInsertSeries(title: string, id: string, now: string): string {
			const existing = prepare<[string], { id: string }>('SELECT id FROM series WHERE title = ?').get(title);
			if (existing) return existing.id;
			prepare('INSERT INTO series (id, title, created_at) VALUES (?, ?, ?)').run(id, title, now);
			return id;
		},
		insert(row: Omit<EditionRow, 'series_title' | 'chat_public' | 'workspace_public' | 'close_delay_minutes'>) {
			prepare(
				`INSERT INTO editions (id, series_id, title, city, venue, starts_on, ends_on, timezone, description, licence, status, created_by, created_at, updated_at)
				 VALUES (@id, @series_id, @title, @city, @venue, @starts_on, @ends_on, @timezone, @description, @licence, @status, @created_by, @created_at, @updated_at)`
			).run(row);
		},
		update(row: Pick<EditionRow, 'id' | 'series_id' | 'title' | 'city' | 'venue' | 'starts_on' | 'ends_on' | 'description' | 'licence' | 'timezone' | 'updated_at'>) {
			prepare(
				`UPDATE editions SET series_id = @series_id, title = @title, city = @city, venue = @venue, starts_on = @starts_on,
				 ends_on = @ends_on, description = @description, licence = @licence, timezone = @timezone, updated_at = @updated_at WHERE id = @id`
			).run(row);
		},
		updateSharing: (id: string, sharing: { chatPublic: boolean; workspacePublic: boolean }, now: string) =>
			prepare('UPDATE editions SET chat_public = ?, workspace_public = ?, updated_at = ? WHERE id = ?').run(
				sharing.chatPublic ? 1 : 0,
				sharing.workspacePublic ? 1 : 0,
				now,
				id
			),
		updateStatus: (id: string, status: EditionStatus, now: string) =>
			prepare('UPDATE editions SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id),
		updateArchived: (id: string, archivedAt: string | null, now: string) =>
			prepare('UPDATE editions SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id),

		findRole: (editionId: string, userId: string) =>
			prepare<[string, string], EditionRole>('SELECT role FROM edition_members WHERE edition_id = ? AND user_id = ?').pluck().get(editionId, userId),
		upsertMember(editionId: string, userId: string, role: EditionRole, now: string) {
			prepare(
				`INSERT INTO edition_members (edition_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT(edition_id, user_id) DO UPDATE SET role = excluded.role`
			).run(editionId, userId, role, now);
		},
		deleteMember: (editionId: string, userId: string) => prepare('DELETE FROM edition_members WHERE edition_id = ? AND user_id = ?').run(editionId, userId),
		countOrganisers: (editionId: string) =>
			prepare("SELECT count(*) FROM edition_members WHERE edition_id = ? AND role = 'organiser'").pluck().get(editionId) as number,
		listMembers: (editionId: string) =>
			db
				.prepare<[string], MemberRow>(
					`SELECT m.user_id, u.display_name, u.username, u.is_guest, m.role, m.title, m.joined_at FROM edition_members m
					 JOIN users u ON u.id = m.user_id WHERE m.edition_id = ?
					 ORDER BY CASE m.role WHEN 'organiser' THEN 0 WHEN 'facilitator' THEN 1 ELSE 2 END, u.display_name`
				)
				.all(editionId),

		insertInvite(row: InviteRow) {
			prepare(
				`INSERT INTO invites (id, token_hash, edition_id, role, note, created_by, created_at, expires_at, used_by, used_at)
				 VALUES (@id, @token_hash, @edition_id, @role, @note, @created_by, @created_at, @expires_at, @used_by, @used_at)`
			).run(row);
		},
		findInviteByHash: (hash: string) => prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?').get(hash),
		listOpenInvites: (editionId: string, now: string) =>
			prepare<[string, string], InviteRow>('SELECT * FROM invites WHERE edition_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at').all(editionId, now),
		/** Single use: only succeeds when the invite is still unused. */
		markInviteUsed: (id: string, userId: string, now: string) =>
			prepare('UPDATE invites SET used_by = ?, used_at = ? WHERE id = ? AND used_at IS NULL').run(userId, now, id).changes === 1,
		deleteInvite: (editionId: string, id: string) => prepare('DELETE FROM invites WHERE edition_id = ? AND id = ? AND used_at IS NULL').run(editionId, id).changes
	};
}
export type EditionsRepo = ReturnType<typeof createEditionsRepo>;
