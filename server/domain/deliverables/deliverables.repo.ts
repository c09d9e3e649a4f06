// SQL for deliverables, their themes, helpers, frozen versions and review comments.
import { statementCache, type Db } from '../../db/open';
import type { DeliverableStatus } from '../../shared/deliverable-schemas';

export type DeliverableRow = {
	id: string;
	edition_id: string;
	workshop_id: string;
	pad_id: string | null;
	title: string;
	summary: string;
	licence: string;
	status: DeliverableStatus;
	created_by: string | null;
	created_at: string;
	updated_at: string;
};
export type VersionRow = {
	deliverable_id: string;
	version: number;
	title: string;
	summary: string;
	licence: string;
	html: string;
	markdown: string;
	credits_json: string;
	pad_snapshot_id: number | null;
	published_by: string | null;
	published_at: string;
	withdrawn_at: string | null;
};
export type VersionMeta = Pick<VersionRow, 'version' | 'title' | 'published_at' | 'withdrawn_at'>;
export type HelperRow = { id: string; user_id: string | null; name: string | null; display_name: string | null };
export type CommentRow = { id: string; author_id: string | null; author_name: string | null; body: string; created_at: string };
export type PublishedRow = DeliverableRow & { workshop_title: string; version: number; published_at: string; version_title: string; version_summary: string; version_licence: string };

export function createDeliverablesRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		findById: (id: string) => prepare<[string], DeliverableRow>('SELECT * FROM deliverables WHERE id = ?').get(id),
		listByWorkshop: (workshopId: string) =>
			prepare<[string], DeliverableRow>('SELECT * FROM deliverables WHERE workshop_id = ? ORDER BY created_at, id').all(workshopId),
		insert(row: DeliverableRow) {
			prepare(
				`INSERT INTO deliverables (id, edition_id, workshop_id, pad_id, title, summary, licence, status, created_by, created_at, updated_at)
				 VALUES (@id, @edition_id, @workshop_id, @pad_id, @title, @summary, @licence, @status, @created_by, @created_at, @updated_at)`
			).run(row);
		},
		update: (row: Pick<DeliverableRow, 'id' | 'title' | 'summary' | 'licence' | 'updated_at'>) =>
			prepare('UPDATE deliverables SET title = @title, summary = @summary, licence = @licence, updated_at = @updated_at WHERE id = @id').run(row),
		setStatus: (id: string, status: DeliverableStatus, now: string) => prepare('UPDATE deliverables SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id),
		delete: (id: string) => prepare('DELETE FROM deliverables WHERE id = ?').run(id),

		themesOf: (id: string) =>
			prepare<[string], { id: string; name: string }>(
				'SELECT t.id, t.label AS name FROM deliverable_themes dt JOIN themes t ON t.id = dt.theme_id WHERE dt.deliverable_id = ? ORDER BY t.position'
			).all(id),
		setThemes(id: string, themeIds: string[]) {
			prepare('DELETE FROM deliverable_themes WHERE deliverable_id = ?').run(id);
			for (const themeId of themeIds) prepare('INSERT INTO deliverable_themes (deliverable_id, theme_id) VALUES (?, ?)').run(id, themeId);
		},

		helpersOf: (id: string) =>
			prepare<[string], HelperRow>(
				`SELECT h.id, h.user_id, h.name, u.display_name FROM deliverable_helpers h LEFT JOIN users u ON u.id = h.user_id
				 WHERE h.deliverable_id = ? ORDER BY h.created_at, h.rowid`
			).all(id),
		setHelpers(id: string, helpers: { id: string; userId: string | null; name: string | null }[], now: string) {
			prepare('DELETE FROM deliverable_helpers WHERE deliverable_id = ?').run(id);
			for (const h of helpers)
				prepare('INSERT INTO deliverable_helpers (id, deliverable_id, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)').run(h.id, id, h.userId, h.name, now);
		},

		insertVersion(row: VersionRow) {
			prepare(
				`INSERT INTO deliverable_versions (deliverable_id, version, title, summary, licence, html, markdown, credits_json, pad_snapshot_id, published_by, published_at, withdrawn_at)
				 VALUES (@deliverable_id, @version, @title, @summary, @licence, @html, @markdown, @credits_json, @pad_snapshot_id, @published_by, @published_at, @withdrawn_at)`
			).run(row);
		},
		/** Whether a published, not withdrawn version of a deliverable of the file's own workshop shows it. */
		showsFile: (fileId: string) =>
			prepare<[string, string], number>(
				`SELECT 1 FROM deliverable_versions v JOIN deliverables d ON d.id = v.deliverable_id JOIN files f ON f.id = ? AND f.workshop_id = d.workshop_id
				 WHERE d.status != 'withdrawn' AND v.withdrawn_at IS NULL AND instr(v.html, '/files/' || ? || '"') > 0 LIMIT 1`
			)
				.pluck()
				.get(fileId, fileId) === 1,
		lastVersion: (id: string) => (prepare('SELECT coalesce(max(version), 0) FROM deliverable_versions WHERE deliverable_id = ?').pluck().get(id) as number),
		findVersion: (id: string, version: number) =>
			prepare<[string, number], VersionRow>('SELECT * FROM deliverable_versions WHERE deliverable_id = ? AND version = ?').get(id, version),
		listVersions: (id: string) =>
			prepare<[string], VersionMeta>('SELECT version, title, published_at, withdrawn_at FROM deliverable_versions WHERE deliverable_id = ? ORDER BY version DESC').all(id),
		/** Withdrawal marks every version still out; the texts stay. */
		markWithdrawn: (id: string, now: string) =>
			prepare('UPDATE deliverable_versions SET withdrawn_at = ? WHERE deliverable_id = ? AND withdrawn_at IS NULL').run(now, id),

		insertComment: (row: { id: string; deliverable_id: string; author_id: string; body: string; created_at: string }) =>
			prepare('INSERT INTO deliverable_comments (id, deliverable_id, author_id, body, created_at) VALUES (@id, @deliverable_id, @author_id, @body, @created_at)').run(row),
		commentsOf: (id: string) =>
			prepare<[string], CommentRow>(
				`SELECT c.id, c.author_id, u.display_name AS author_name, c.body, c.created_at FROM deliverable_comments c
				 LEFT JOIN users u ON u.id = c.author_id WHERE c.deliverable_id = ? ORDER BY c.created_at, c.rowid`
			).all(id),

		/** Deliverables with at least one published version (withdrawn ones included), in published editions, with their latest version. */
		listPublished: (editionId: string | null) =>
			prepare<[string | null, string | null], PublishedRow>(
				`SELECT d.*, w.title AS workshop_title, v.version, v.published_at, v.title AS version_title, v.summary AS version_summary, v.licence AS version_licence
				 FROM deliverables d
				 JOIN editions e ON e.id = d.edition_id AND e.status = 'published'
				 JOIN workshops w ON w.id = d.workshop_id
				 JOIN deliverable_versions v ON v.deliverable_id = d.id AND v.version = (SELECT max(version) FROM deliverable_versions WHERE deliverable_id = d.id)
				 WHERE ? IS NULL OR d.edition_id = ?
				 ORDER BY w.starts_at, d.created_at, d.id`
			).all(editionId, editionId),

		workshopTitle: (workshopId: string) => prepare<[string], string>('SELECT title FROM workshops WHERE id = ?').pluck().get(workshopId),
		themesOfEdition: (editionId: string) =>
			prepare<[string], { id: string; name: string }>('SELECT id, label AS name FROM themes WHERE edition_id = ? ORDER BY position').all(editionId),
		membersOfEdition: (editionId: string) =>
			prepare<[string], { id: string; name: string }>(
				'SELECT u.id, u.display_name AS name FROM edition_members m JOIN users u ON u.id = m.user_id WHERE m.edition_id = ? ORDER BY u.display_name'
			).all(editionId),
		themeIdsOfEdition: (editionId: string) => prepare<[string], string>('SELECT id FROM themes WHERE edition_id = ?').pluck().all(editionId),
		memberIdsOfEdition: (editionId: string) => prepare<[string], string>('SELECT user_id FROM edition_members WHERE edition_id = ?').pluck().all(editionId),

		/** Who wrote in a pad: updates still in the log plus the authors recorded with each stored version. */
		padAuthorIds: (padId: string) =>
			prepare<[string, string], string>(
				`SELECT author_id FROM doc_updates WHERE room = ? AND author_id IS NOT NULL
				 UNION SELECT j.value FROM doc_snapshots s, json_each(s.authors) j WHERE s.room = ?`
			)
				.pluck()
				.all(`pad:${padId}`, `pad:${padId}`),
		facilitatorIds: (workshopId: string) =>
			prepare<[string], string>('SELECT user_id FROM workshop_facilitators WHERE workshop_id = ?').pluck().all(workshopId),
		/** The newest pad version, to record which one a publication froze. */
		latestPadSnapshot: (padId: string) =>
			prepare<[string], number>('SELECT max(id) FROM doc_snapshots WHERE room = ?').pluck().get(`pad:${padId}`) ?? null,
		/** Versions frozen from this pad with the pad version they froze (to render them again when a named person's choice changes). */
		versionsFrozenFrom: (padId: string) =>
			prepare<[string], Pick<VersionRow, 'deliverable_id' | 'version' | 'html' | 'markdown'> & { pad_snapshot_id: number }>(
				`SELECT v.deliverable_id, v.version, v.html, v.markdown, v.pad_snapshot_id FROM deliverable_versions v
				 JOIN deliverables d ON d.id = v.deliverable_id WHERE d.pad_id = ? AND v.pad_snapshot_id IS NOT NULL`
			).all(padId),
		updateVersionText(deliverableId: string, version: number, text: { html: string; markdown: string }) {
			prepare('UPDATE deliverable_versions SET html = ?, markdown = ? WHERE deliverable_id = ? AND version = ?').run(text.html, text.markdown, deliverableId, version);
		}
	};
}
export type DeliverablesRepo = ReturnType<typeof createDeliverablesRepo>;
