// SQL for a person's own data: what they wrote or uploaded (portability), and wiping who they are (erasure).
import type { Db } from '../../db/open';

export function createPrivacyRepo(db: Db) {
	const all = <R>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as R[];
	return {
		memberships: (userId: string) =>
			all<{ editionId: string; editionTitle: string; role: string; title: string; joinedAt: string }>(
				`SELECT e.id AS editionId, e.title AS editionTitle, m.role, m.title, m.joined_at AS joinedAt
				 FROM edition_members m JOIN editions e ON e.id = m.edition_id WHERE m.user_id = ? ORDER BY m.joined_at`,
				userId
			),
		/** Workshops the person joined, facilitates, or whose chat they wrote in. */
		workshops: (userId: string) =>
			all<{ id: string; title: string; editionId: string }>(
				`SELECT id, title, edition_id AS editionId FROM workshops WHERE id IN (
				   SELECT workshop_id FROM workshop_participants WHERE user_id = @u
				   UNION SELECT workshop_id FROM workshop_facilitators WHERE user_id = @u
				   UNION SELECT substr(room, 6) FROM doc_clients WHERE user_id = @u AND room LIKE 'chat:%'
				   UNION SELECT substr(room, 6) FROM doc_updates WHERE author_id = @u AND room LIKE 'chat:%'
				 ) ORDER BY starts_at`,
				{ u: userId }
			),
		/** Pads the person wrote in (per-update authorship, before and after compaction). */
		pads: (userId: string) =>
			all<{ id: string; title: string; workshopId: string; workshopTitle: string; deletedAt: string | null }>(
				`SELECT p.id, p.title, p.workshop_id AS workshopId, w.title AS workshopTitle, p.deleted_at AS deletedAt FROM pads p
				 JOIN workshops w ON w.id = p.workshop_id WHERE 'pad:' || p.id IN (
				   SELECT room FROM doc_updates WHERE author_id = @u AND room LIKE 'pad:%'
				   UNION SELECT s.room FROM doc_snapshots s, json_each(s.authors) j WHERE j.value = @u AND s.room LIKE 'pad:%'
				 ) ORDER BY w.starts_at, p.position`,
				{ u: userId }
			),
		files: (userId: string) =>
			all<{ id: string; name: string; size: number; mime: string; workshopId: string; uploadedAt: string; trashedAt: string | null; sha256: string }>(
				`SELECT id, name, size, mime, workshop_id AS workshopId, uploaded_at AS uploadedAt, trashed_at AS trashedAt, sha256
				 FROM files WHERE uploaded_by = ? ORDER BY uploaded_at`,
				userId
			),
		creditChoices: (userId: string) =>
			all<{ editionId: string; mode: string; pseudonym: string | null; updatedAt: string }>(
				'SELECT edition_id AS editionId, mode, pseudonym, updated_at AS updatedAt FROM credit_choices WHERE user_id = ?',
				userId
			),
		comments: (userId: string) =>
			all<{ deliverableId: string; body: string; createdAt: string }>(
				'SELECT deliverable_id AS deliverableId, body, created_at AS createdAt FROM deliverable_comments WHERE author_id = ? ORDER BY created_at',
				userId
			),
		/** Syntheses the person edited (they are shared texts: given whole, as they read now). */
		syntheses: (userId: string) =>
			all<{ id: string; editionId: string; title: string; markdown: string; updatedAt: string }>(
				`SELECT s.id, s.edition_id AS editionId, s.title, s.markdown, s.updated_at AS updatedAt FROM syntheses s
				 JOIN synthesis_editors e ON e.synthesis_id = s.id WHERE e.user_id = ? ORDER BY s.created_at`,
				userId
			),
		apiTokens: (userId: string) =>
			all<{ name: string; createdAt: string; lastUsedAt: string | null }>(
				'SELECT name, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_tokens WHERE user_id = ? ORDER BY created_at',
				userId
			),

		/** « Mon programme »: the sessions picked, and whether a calendar address exists (never the address itself). */
		programmePicks: (userId: string) =>
			all<{ editionId: string; workshopId: string; workshopTitle: string; pickedAt: number }>(
				`SELECT p.edition_id AS editionId, p.workshop_id AS workshopId, w.title AS workshopTitle, p.picked_at AS pickedAt
				 FROM programme_picks p JOIN workshops w ON w.id = p.workshop_id WHERE p.user_id = ? ORDER BY p.picked_at`,
				userId
			),
		programmeFeeds: (userId: string) =>
			all<{ editionId: string; createdAt: number }>('SELECT edition_id AS editionId, created_at AS createdAt FROM programme_feeds WHERE user_id = ? ORDER BY created_at', userId),

		/** Every edition where the person may appear in credits: memberships, authorship, helpers, frozen versions. */
		creditedEditions: (userId: string) =>
			db
				.prepare(
					`SELECT edition_id FROM edition_members WHERE user_id = @u
					 UNION SELECT d.edition_id FROM deliverable_helpers h JOIN deliverables d ON d.id = h.deliverable_id WHERE h.user_id = @u
					 UNION SELECT d.edition_id FROM deliverable_versions v JOIN deliverables d ON d.id = v.deliverable_id, json_each(v.credits_json) j
					   WHERE json_extract(j.value, '$.userId') = @u
					 UNION SELECT w.edition_id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE 'pad:' || p.id IN (
					   SELECT room FROM doc_updates WHERE author_id = @u UNION SELECT s.room FROM doc_snapshots s, json_each(s.authors) j WHERE j.value = @u)`
				)
				.pluck()
				.all({ u: userId }) as string[],

		/**
		 * Erasure: the account row stays (contributions, credits and history point to its id) but says nothing about
		 * the person any more; it cannot log in (no username, no password, no session).
		 */
		anonymise(userId: string, anonymousName: string, editionIds: string[], now: string) {
			db.prepare(
				'UPDATE users SET username = NULL, email = NULL, password_hash = NULL, display_name = ?, is_guest = 1, is_admin = 0 WHERE id = ?'
			).run(anonymousName, userId);
			db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(userId);
			db.prepare('DELETE FROM api_tokens WHERE user_id = ?').run(userId);
			db.prepare('DELETE FROM programme_feeds WHERE user_id = ?').run(userId);
			db.prepare('DELETE FROM programme_picks WHERE user_id = ?').run(userId);
			db.prepare("DELETE FROM login_throttles WHERE key = ? OR key LIKE ? ESCAPE '\\'").run(`account:${userId}`, `known:${userId.replace(/[%_\\]/g, '\\$&')}:%`);
			db.prepare("UPDATE edition_members SET title = '' WHERE user_id = ?").run(userId);
			const choose = db.prepare(
				`INSERT INTO credit_choices (user_id, edition_id, mode, pseudonym, updated_at) VALUES (?, ?, 'anonymous', NULL, ?)
				 ON CONFLICT(user_id, edition_id) DO UPDATE SET mode = 'anonymous', pseudonym = NULL, updated_at = excluded.updated_at`
			);
			for (const editionId of editionIds) choose.run(userId, editionId, now);
			// Names copied next to what the person left: the files they shared, folders, moderation traces, archived chat.
			db.prepare('UPDATE files SET uploader_name = ? WHERE uploaded_by = ?').run(anonymousName, userId);
			db.prepare('UPDATE drive_folders SET creator_name = ? WHERE created_by = ?').run(anonymousName, userId);
			db.prepare('UPDATE chat_moderation SET hidden_by_name = ? WHERE hidden_by_id = ?').run(anonymousName, userId);
			db.prepare('UPDATE help_requests SET requester_name = ? WHERE requester_id = ?').run(anonymousName, userId);
			db.prepare('UPDATE help_requests SET claimed_by_name = ? WHERE claimed_by = ?').run(anonymousName, userId);
			db.prepare(
				`UPDATE chat_archive SET entry = json_set(entry, '$.authorName', ?) WHERE json_extract(entry, '$.authorId') = ?`
			).run(anonymousName, userId);
			db.prepare(
				`UPDATE chat_archive SET entry = json_set(entry, '$.hidden.byName', ?) WHERE json_extract(entry, '$.hidden.byId') = ?`
			).run(anonymousName, userId);
			db.prepare(
				`UPDATE chat_moderation SET message = json_set(message, '$.authorName', ?) WHERE json_extract(message, '$.authorId') = ?`
			).run(anonymousName, userId);
		}
	};
}
export type PrivacyRepo = ReturnType<typeof createPrivacyRepo>;
