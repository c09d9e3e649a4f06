// SQL for an edition's kit: its lineage row, its documents (guides, templates, assets) and its published versions.
import { statementCache, type Db } from '../db/open';

export type EditionKitRow = {
	edition_id: string;
	kit_id: string;
	version: string;
	title: string;
	summary: string;
	languages: string;
	authors: string;
	credits: string;
	changelog: string;
	forked_from: string | null;
	upstream_files: string | null;
	programme: string;
	adaptation_notes: string;
	created_at: string;
	updated_at: string;
};
export type KitDocumentRow = {
	edition_id: string;
	path: string;
	kind: 'readme' | 'guide' | 'template' | 'asset';
	guide_kind: string | null;
	format: string | null;
	title: string;
	content_type: 'markdown' | 'prosemirror-json' | 'text';
	body: string;
	position: number;
	updated_at: string;
};
export type KitPublicationRow = {
	id: string;
	edition_id: string;
	kit_id: string;
	version: string;
	changes: string;
	sha256: string;
	bytes: number;
	created_by: string | null;
	created_at: string;
};
/** An edition in a kit's family tree. */
export type LineageEditionRow = { edition_id: string; title: string; city: string; starts_on: string; status: string; kit_id: string; version: string; forked_from: string | null };

export function createKitsRepo(db: Db) {
	const prepare = statementCache(db);
	const lineageSelect = `SELECT k.edition_id, e.title, e.city, e.starts_on, e.status, k.kit_id, k.version, k.forked_from
		FROM edition_kits k JOIN editions e ON e.id = k.edition_id`;
	return {
		find: (editionId: string) => prepare<[string], EditionKitRow>('SELECT * FROM edition_kits WHERE edition_id = ?').get(editionId),
		insert(row: EditionKitRow) {
			prepare(
				`INSERT INTO edition_kits (edition_id, kit_id, version, title, summary, languages, authors, credits, changelog, forked_from, upstream_files, programme, adaptation_notes, created_at, updated_at)
				 VALUES (@edition_id, @kit_id, @version, @title, @summary, @languages, @authors, @credits, @changelog, @forked_from, @upstream_files, @programme, @adaptation_notes, @created_at, @updated_at)`
			).run(row);
		},
		updateNotes: (editionId: string, notes: string, now: string) =>
			prepare('UPDATE edition_kits SET adaptation_notes = ?, updated_at = ? WHERE edition_id = ?').run(notes, now, editionId).changes,
		updateRelease: (editionId: string, version: string, changelog: string, now: string) =>
			prepare('UPDATE edition_kits SET version = ?, changelog = ?, updated_at = ? WHERE edition_id = ?').run(version, changelog, now, editionId),

		listDocuments: (editionId: string) =>
			prepare<[string], KitDocumentRow>('SELECT * FROM edition_kit_documents WHERE edition_id = ? ORDER BY position, path').all(editionId),
		findDocument: (editionId: string, path: string) =>
			prepare<[string, string], KitDocumentRow>('SELECT * FROM edition_kit_documents WHERE edition_id = ? AND path = ?').get(editionId, path),
		insertDocument(row: KitDocumentRow) {
			prepare(
				`INSERT INTO edition_kit_documents (edition_id, path, kind, guide_kind, format, title, content_type, body, position, updated_at)
				 VALUES (@edition_id, @path, @kind, @guide_kind, @format, @title, @content_type, @body, @position, @updated_at)`
			).run(row);
		},
		updateDocument: (editionId: string, path: string, title: string, body: string, now: string) =>
			prepare('UPDATE edition_kit_documents SET title = ?, body = ?, updated_at = ? WHERE edition_id = ? AND path = ?').run(title, body, now, editionId, path).changes,
		nextDocumentPosition: (editionId: string) =>
			prepare('SELECT coalesce(max(position), -1) + 1 FROM edition_kit_documents WHERE edition_id = ?').pluck().get(editionId) as number,
		/** The Markdown template an edition set for a format, found from one of its workshops. */
		templateForWorkshop: (workshopId: string, format: string) =>
			prepare<[string, string], string>(
				`SELECT d.body FROM edition_kit_documents d JOIN workshops w ON w.edition_id = d.edition_id
				 WHERE w.id = ? AND d.kind = 'template' AND d.format = ?`
			)
				.pluck()
				.get(workshopId, format),
		templateFormats: (editionId: string) =>
			prepare<[string], string>("SELECT format FROM edition_kit_documents WHERE edition_id = ? AND kind = 'template' ORDER BY format").pluck().all(editionId),

		insertPublication(row: KitPublicationRow) {
			prepare(
				`INSERT INTO kit_publications (id, edition_id, kit_id, version, changes, sha256, bytes, created_by, created_at)
				 VALUES (@id, @edition_id, @kit_id, @version, @changes, @sha256, @bytes, @created_by, @created_at)`
			).run(row);
		},
		listPublications: (editionId: string) =>
			prepare<[string], KitPublicationRow>('SELECT * FROM kit_publications WHERE edition_id = ? ORDER BY created_at DESC').all(editionId),

		/** Editions whose kit was forked from `kitId`. */
		listForksOf: (kitId: string) =>
			prepare<[string], LineageEditionRow>(`${lineageSelect} WHERE json_extract(k.forked_from, '$.kit') = ? ORDER BY e.starts_on, e.title`).all(kitId),
		/** Editions exporting under `kitId` (the kit they made or republished). */
		listByKitId: (kitId: string) => prepare<[string], LineageEditionRow>(`${lineageSelect} WHERE k.kit_id = ? ORDER BY e.starts_on, e.title`).all(kitId),
		listVersionsOf: (kitId: string) =>
			prepare<[string], string>('SELECT DISTINCT version FROM kit_publications WHERE kit_id = ? ORDER BY created_at').pluck().all(kitId)
	};
}
export type KitsRepo = ReturnType<typeof createKitsRepo>;
