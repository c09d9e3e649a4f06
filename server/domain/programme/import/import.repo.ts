// SQL for imported workshops' source identities, remembered format mappings and pending import drafts.
import { statementCache, type Db } from '../../../db/open';
import type { WorkshopFormat } from '../../../shared/vocabulary';
import type { ImportedWorkshop } from './plan';

export type SourceRow = { workshop_id: string; edition_id: string; source_kind: string; source_key: string; source_ref: string; schedule_version: string; imported_at: string };
export type DraftRow = { id: string; edition_id: string; created_by: string | null; created_at: string; document: string };

export function createImportRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		listImported: (editionId: string): ImportedWorkshop[] =>
			prepare<[string], Omit<ImportedWorkshop, 'cancelled'> & { cancelled: number }>(
				`SELECT w.id AS workshopId, s.source_key AS key, s.source_ref AS ref, w.title, w.format, w.starts_at AS startsAt, w.ends_at AS endsAt,
				   coalesce(r.name, '') AS room, coalesce(t.title, '') AS track, w.speakers, w.description, w.cancelled_at IS NOT NULL AS cancelled
				 FROM workshop_sources s JOIN workshops w ON w.id = s.workshop_id
				 LEFT JOIN rooms r ON r.id = w.room_id LEFT JOIN tracks t ON t.id = w.track_id
				 WHERE s.edition_id = ? ORDER BY w.starts_at`
			)
				.all(editionId)
				.map((row) => ({ ...row, cancelled: row.cancelled === 1 })),
		upsertSource: (row: SourceRow) =>
			prepare(
				`INSERT INTO workshop_sources (workshop_id, edition_id, source_kind, source_key, source_ref, schedule_version, imported_at)
				 VALUES (@workshop_id, @edition_id, @source_kind, @source_key, @source_ref, @schedule_version, @imported_at)
				 ON CONFLICT (workshop_id) DO UPDATE SET source_kind = excluded.source_kind, source_key = excluded.source_key,
				   source_ref = excluded.source_ref, schedule_version = excluded.schedule_version, imported_at = excluded.imported_at`
			).run(row),
		/** `updatedAt` moves too, so calendar feeds raise the event's SEQUENCE and LAST-MODIFIED. */
		setCancelled: (workshopId: string, at: string | null, updatedAt: string) => prepare('UPDATE workshops SET cancelled_at = ?, updated_at = ? WHERE id = ?').run(at, updatedAt, workshopId),
		formatMappings: (editionId: string) =>
			new Map(
				prepare<[string], { source_type: string; format: WorkshopFormat }>('SELECT source_type, format FROM programme_import_formats WHERE edition_id = ?')
					.all(editionId)
					.map((r) => [r.source_type, r.format])
			),
		saveFormatMapping: (editionId: string, sourceType: string, format: WorkshopFormat) =>
			prepare(
				`INSERT INTO programme_import_formats (edition_id, source_type, format) VALUES (?, ?, ?)
				 ON CONFLICT (edition_id, source_type) DO UPDATE SET format = excluded.format`
			).run(editionId, sourceType, format),
		insertDraft: (row: DraftRow) =>
			prepare('INSERT INTO programme_import_drafts (id, edition_id, created_by, created_at, document) VALUES (@id, @edition_id, @created_by, @created_at, @document)').run(row),
		findDraft: (editionId: string, id: string) => prepare<[string, string], DraftRow>('SELECT * FROM programme_import_drafts WHERE id = ? AND edition_id = ?').get(id, editionId),
		deleteDraft: (id: string) => prepare('DELETE FROM programme_import_drafts WHERE id = ?').run(id),
		deleteDraftsBefore: (at: string) => prepare('DELETE FROM programme_import_drafts WHERE created_at < ?').run(at)
	};
}
export type ImportRepo = ReturnType<typeof createImportRepo>;
