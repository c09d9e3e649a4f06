// SQL for the drive: file rows (one per upload, bytes shared by hash) and folders.
import type { Db } from '../../db/open';
import type { FileKind } from '../../storage/sniff';

export type FileRow = {
	id: string;
	workshop_id: string;
	folder_id: string | null;
	name: string;
	sha256: string;
	size: number;
	mime: string;
	kind: FileKind;
	active: 0 | 1;
	uploaded_by: string | null;
	uploader_name: string;
	uploaded_at: string;
	trashed_at: string | null;
	transcript: string | null;
};

export type FolderRow = {
	id: string;
	workshop_id: string;
	parent_id: string | null;
	name: string;
	created_by: string | null;
	creator_name: string;
	created_at: string;
};

export function createFilesRepo(db: Db) {
	return {
		findById: (id: string) => db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?').get(id) ?? null,
		insert(row: FileRow) {
			db.prepare(
				`INSERT INTO files (id, workshop_id, folder_id, name, sha256, size, mime, kind, active, uploaded_by, uploader_name, uploaded_at, trashed_at, transcript)
				 VALUES (@id, @workshop_id, @folder_id, @name, @sha256, @size, @mime, @kind, @active, @uploaded_by, @uploader_name, @uploaded_at, @trashed_at, @transcript)`
			).run(row);
		},
		remove: (id: string) => db.prepare('DELETE FROM files WHERE id = ?').run(id),
		update(id: string, fields: Partial<Pick<FileRow, 'name' | 'folder_id' | 'trashed_at' | 'transcript'>>) {
			const names = Object.keys(fields);
			if (names.length === 0) return;
			db.prepare(`UPDATE files SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
		},
		/** Bytes a workshop holds, trash included: trashed files still take room on disk. */
		usedBytes: (workshopId: string) => db.prepare('SELECT coalesce(sum(size), 0) FROM files WHERE workshop_id = ?').pluck().get(workshopId) as number,
		countBySha256: (sha256: string) => db.prepare('SELECT count(*) FROM files WHERE sha256 = ?').pluck().get(sha256) as number,
		findFolder: (id: string) => db.prepare<[string], FolderRow>('SELECT * FROM drive_folders WHERE id = ?').get(id) ?? null,
		insertFolder(row: FolderRow) {
			db.prepare(
				'INSERT INTO drive_folders (id, workshop_id, parent_id, name, created_by, creator_name, created_at) VALUES (@id, @workshop_id, @parent_id, @name, @created_by, @creator_name, @created_at)'
			).run(row);
		},
		removeFolder: (id: string) => db.prepare('DELETE FROM drive_folders WHERE id = ?').run(id)
	};
}
export type FilesRepo = ReturnType<typeof createFilesRepo>;
