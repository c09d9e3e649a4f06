// SQL for the drive: file rows (one per upload, bytes shared by hash) and folders.
import type { Db } from '../../db/open';
import type { FileKind } from './sniff';

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
	trashed_with: string | null;
	transcript: string | null;
	/** 1 when a facilitator marked the file public (readable by every reader of the edition). */
	public: 0 | 1;
};

export type FolderRow = {
	id: string;
	workshop_id: string;
	parent_id: string | null;
	name: string;
	created_by: string | null;
	creator_name: string;
	created_at: string;
	trashed_at: string | null;
	trashed_with: string | null;
};

export function createFilesRepo(db: Db) {
	return {
		listFiles: (workshopId: string) => db.prepare<[string], FileRow>('SELECT * FROM files WHERE workshop_id = ?').all(workshopId),
		listFolders: (workshopId: string) => db.prepare<[string], FolderRow>('SELECT * FROM drive_folders WHERE workshop_id = ?').all(workshopId),
		findById: (id: string) => db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?').get(id) ?? null,
		insert(row: FileRow) {
			db.prepare(
				`INSERT INTO files (id, workshop_id, folder_id, name, sha256, size, mime, kind, active, uploaded_by, uploader_name, uploaded_at, trashed_at, trashed_with, transcript)
				 VALUES (@id, @workshop_id, @folder_id, @name, @sha256, @size, @mime, @kind, @active, @uploaded_by, @uploader_name, @uploaded_at, @trashed_at, @trashed_with, @transcript)`
			).run(row);
		},
		remove: (id: string) => db.prepare('DELETE FROM files WHERE id = ?').run(id),
		update(id: string, fields: Partial<Pick<FileRow, 'name' | 'folder_id' | 'trashed_at' | 'trashed_with' | 'transcript' | 'public'>>) {
			const names = Object.keys(fields);
			if (names.length === 0) return;
			db.prepare(`UPDATE files SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
		},
		/** Files directly inside these folders (trashed or not). */
		filesIn: (folderIds: string[]) =>
			folderIds.length === 0 ? [] : db.prepare<string[], FileRow>(`SELECT * FROM files WHERE folder_id IN (${folderIds.map(() => '?').join(',')})`).all(...folderIds),
		filesTrashedWith: (folderId: string) => db.prepare<[string], FileRow>('SELECT * FROM files WHERE trashed_with = ?').all(folderId),
		trashedFiles: (workshopId: string) => db.prepare<[string], FileRow>('SELECT * FROM files WHERE workshop_id = ? AND trashed_at IS NOT NULL').all(workshopId),
		/** Bytes a workshop holds, trash included: trashed files keep their bytes on disk until a facilitator empties the trash. */
		usedBytes: (workshopId: string) => db.prepare('SELECT coalesce(sum(size), 0) FROM files WHERE workshop_id = ?').pluck().get(workshopId) as number,
		findFolder: (id: string) => db.prepare<[string], FolderRow>('SELECT * FROM drive_folders WHERE id = ?').get(id) ?? null,
		insertFolder(row: FolderRow) {
			db.prepare(
				`INSERT INTO drive_folders (id, workshop_id, parent_id, name, created_by, creator_name, created_at, trashed_at, trashed_with)
				 VALUES (@id, @workshop_id, @parent_id, @name, @created_by, @creator_name, @created_at, @trashed_at, @trashed_with)`
			).run(row);
		},
		updateFolder(id: string, fields: Partial<Pick<FolderRow, 'name' | 'parent_id' | 'trashed_at' | 'trashed_with'>>) {
			const names = Object.keys(fields);
			if (names.length === 0) return;
			db.prepare(`UPDATE drive_folders SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
		},
		/** The folder and every folder below it, at any depth. */
		folderTree: (id: string) =>
			db
				.prepare<[string], FolderRow>(
					`WITH RECURSIVE tree(id) AS (SELECT id FROM drive_folders WHERE id = ? UNION SELECT f.id FROM drive_folders f JOIN tree t ON f.parent_id = t.id)
					 SELECT drive_folders.* FROM drive_folders JOIN tree USING (id)`
				)
				.all(id),
		foldersTrashedWith: (folderId: string) => db.prepare<[string], FolderRow>('SELECT * FROM drive_folders WHERE trashed_with = ?').all(folderId),
		trashedFolders: (workshopId: string) => db.prepare<[string], FolderRow>('SELECT * FROM drive_folders WHERE workshop_id = ? AND trashed_at IS NOT NULL').all(workshopId),
		removeFolder: (id: string) => db.prepare('DELETE FROM drive_folders WHERE id = ?').run(id),
		/** The name stored beside what the person added to this workshop's drive, after a change of credit choice. */
		renamePerson(workshopId: string, userId: string, name: string) {
			db.prepare('UPDATE files SET uploader_name = ? WHERE workshop_id = ? AND uploaded_by = ?').run(name, workshopId, userId);
			db.prepare('UPDATE drive_folders SET creator_name = ? WHERE workshop_id = ? AND created_by = ?').run(name, workshopId, userId);
		},
		isReferenced: (sha256: string) => db.prepare('SELECT 1 FROM files WHERE sha256 = ? LIMIT 1').pluck().get(sha256) !== undefined
	};
}
export type FilesRepo = ReturnType<typeof createFilesRepo>;
