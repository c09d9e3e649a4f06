// Drive folders: rename, move (never into themselves), trash with their contents and restore exactly what went with them.
import { AppError } from '../../shared/errors';
import type { DriveFolder } from '../../shared/drive-doc';
import { parseInput } from '../../shared/validate';
import type { Viewer } from '../types';
import { commitWithLive, toDriveFile, toDriveFolder, type DriveContext } from './drive-entries';
import { moveFolderSchema, renameFolderSchema } from './drive-inputs';
import type { FolderRow } from './files.repo';

export function createDriveFolders(ctx: DriveContext) {
	const { repo } = ctx;

	function folderFor(viewer: Viewer | null, folderId: string) {
		const folder = repo.findFolder(folderId);
		if (!folder) throw new AppError('not_found', 'error.folder.notFound');
		return { folder, rights: ctx.rightsIn(viewer, folder.workshop_id) };
	}

	function writableFolder(viewer: Viewer | null, folderId: string) {
		const { folder } = folderFor(viewer, folderId);
		const who = ctx.writer(viewer, folder.workshop_id);
		if (folder.trashed_at) throw new AppError('conflict', 'error.folder.trashed');
		return { folder, who };
	}

	/** Rows first, then the live entries: a failed live write leaves the rows as they were. */
	const commit = (rows: () => void, live: () => Promise<void>) => commitWithLive(ctx.db, rows, live);

	async function changeFolder(folder: FolderRow, fields: Parameters<typeof repo.updateFolder>[1], authorId: string): Promise<DriveFolder> {
		let updated = folder;
		await commit(
			() => {
				repo.updateFolder(folder.id, fields);
				updated = repo.findFolder(folder.id)!;
			},
			() => ctx.metadata.putFolder(folder.workshop_id, toDriveFolder(updated), authorId)
		);
		return toDriveFolder(updated);
	}

	return {
		/** A folder reached through another workshop's URL does not exist. */
		assertFolderInWorkshop(folderId: string, workshopId: string): void {
			if (repo.findFolder(folderId)?.workshop_id !== workshopId) throw new AppError('not_found', 'error.folder.notFound');
		},

		async renameFolder(viewer: Viewer | null, folderId: string, raw: unknown): Promise<DriveFolder> {
			const { folder, who } = writableFolder(viewer, folderId);
			const { name } = parseInput(renameFolderSchema, raw);
			return changeFolder(folder, { name }, who.viewer.id);
		},

		/** Into another folder of the same drive or to the root (null); never into itself or one of its subfolders. */
		async moveFolder(viewer: Viewer | null, folderId: string, raw: unknown): Promise<DriveFolder> {
			const { folder, who } = writableFolder(viewer, folderId);
			const { parentId } = parseInput(moveFolderSchema, raw);
			ctx.assertFolderIn(folder.workshop_id, parentId);
			if (parentId !== null && repo.folderTree(folder.id).some((f) => f.id === parentId)) {
				throw new AppError('invalid', 'error.folder.cycle', { parentId: 'folderCycle' });
			}
			return changeFolder(folder, { parent_id: parentId }, who.viewer.id);
		},

		/** The folder, its subfolders and the files in them go to the trash together, tagged with this folder. */
		async trashFolder(viewer: Viewer | null, folderId: string): Promise<DriveFolder> {
			const { folder, who } = writableFolder(viewer, folderId);
			const at = ctx.now();
			// Entries already in the trash stay tagged as they were: restoring this folder must not bring them back.
			const folders = repo.folderTree(folder.id).filter((f) => f.trashed_at === null);
			const files = repo.filesIn(folders.map((f) => f.id)).filter((f) => f.trashed_at === null);
			const tag = { trashed_at: at, trashed_with: folder.id };
			await commit(
				() => {
					for (const f of folders) repo.updateFolder(f.id, tag);
					for (const f of files) repo.update(f.id, tag);
				},
				() =>
					ctx.metadata.apply(
						folder.workshop_id,
						{ folders: folders.map((f) => toDriveFolder({ ...f, ...tag })), files: files.map((f) => toDriveFile({ ...f, ...tag })) },
						who.viewer.id
					)
			);
			return toDriveFolder({ ...folder, ...tag });
		},

		/** Facilitators only; brings back what went with the folder, at the root if its parent is in the trash (or gone). */
		async restoreFolder(viewer: Viewer | null, folderId: string): Promise<DriveFolder> {
			const { folder, rights } = folderFor(viewer, folderId);
			if (!rights.canFacilitate || !viewer) throw new AppError('forbidden', 'error.drive.facilitatorsRestore');
			if (!folder.trashed_at) return toDriveFolder(folder);
			if (folder.trashed_with !== folder.id) throw new AppError('conflict', 'error.folder.restoreWithParent', { folderId: 'trashedWithParent' });
			const parent = folder.parent_id ? repo.findFolder(folder.parent_id) : null;
			const parentId = parent && !parent.trashed_at ? parent.id : null;
			const clear = { trashed_at: null, trashed_with: null };
			const folders = repo.foldersTrashedWith(folder.id).map((f) => ({ ...f, ...clear, parent_id: f.id === folder.id ? parentId : f.parent_id }));
			const files = repo.filesTrashedWith(folder.id).map((f) => ({ ...f, ...clear }));
			await commit(
				() => {
					for (const f of folders) repo.updateFolder(f.id, { ...clear, parent_id: f.parent_id });
					for (const f of files) repo.update(f.id, clear);
				},
				() => ctx.metadata.apply(folder.workshop_id, { folders: folders.map(toDriveFolder), files: files.map(toDriveFile) }, viewer.id)
			);
			return toDriveFolder(folders.find((f) => f.id === folder.id)!);
		}
	};
}
