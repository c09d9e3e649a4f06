// What the drive's modules share: row → live entry mappings, the live-metadata port, and the service context.
import type { Db } from '../../db/open';
import type { DriveBatch, DriveFile, DriveFolder } from '../../shared/drive-doc';
import type { BlobStore } from '../ports';
import type { Viewer } from '../types';
import type { FileRow, FilesRepo, FolderRow } from './files.repo';

/** Where drive metadata goes once bytes and rows are safe; the collab layer's drive documents implement it. */
export type DriveMetadata = {
	putFile(workshopId: string, file: DriveFile, authorId: string | null): void;
	removeFile(workshopId: string, fileId: string): void;
	putFolder(workshopId: string, folder: DriveFolder, authorId: string | null): void;
	removeFolder(workshopId: string, folderId: string): void;
	/** Several entries as one change (a folder trashed with its contents, the trash emptied). */
	apply(workshopId: string, batch: DriveBatch, authorId: string | null): void;
	/** The person's name on every entry they added (a drifted name repaired); returns how many changed. */
	renamePerson(workshopId: string, userId: string, name: string): number;
};

export const toDriveFile = (row: FileRow): DriveFile => ({
	id: row.id,
	name: row.name,
	folderId: row.folder_id,
	fileId: row.id,
	size: row.size,
	mime: row.mime,
	kind: row.kind,
	active: row.active === 1,
	uploadedBy: { id: row.uploaded_by ?? '', name: row.uploader_name },
	uploadedAt: row.uploaded_at,
	trashedAt: row.trashed_at,
	trashedWith: row.trashed_with,
	...(row.transcript !== null ? { transcript: row.transcript } : {}),
	...(row.public === 1 ? { public: true } : {})
});

export const toDriveFolder = (row: FolderRow): DriveFolder => ({
	id: row.id,
	name: row.name,
	parentId: row.parent_id,
	createdBy: { id: row.created_by ?? '', name: row.creator_name },
	createdAt: row.created_at,
	trashedAt: row.trashed_at,
	trashedWith: row.trashed_with
});

type Rights = { canRead: boolean; canWrite: boolean; canFacilitate: boolean };

/** Built once by the files service and handed to the folder and trash modules. */
export type DriveContext = {
	db: Db;
	repo: FilesRepo;
	blobs: BlobStore;
	metadata: DriveMetadata;
	now: () => string;
	rightsIn(viewer: Viewer | null, workshopId: string): Rights;
	/** Throws unless the viewer may write in this workshop's drive. */
	writer(viewer: Viewer | null, workshopId: string): Rights & { viewer: Viewer };
	/** Throws unless the folder (or the root, null) exists in this workshop and is not in the trash. */
	assertFolderIn(workshopId: string, folderId: string | null): void;
	removeBlobIfUnused(sha256: string): Promise<void>;
};
