// The workshop drive: uploads with access checks and quotas, trash and restore, rename, move, transcripts; folders and the trash in their own modules.
import { z } from 'zod';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { DRIVE_SCHEMA_VERSION, type DriveFile, type DriveFolder, type DriveSnapshot } from '../../shared/drive-doc';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { BlobTooLargeError, type BlobStore, type ByteRange } from '../ports';
import { sniffType } from './sniff';
import { isStorageError, type StorageHealth } from '../storage-health';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Clock, Viewer } from '../types';
import type { CreditsService } from '../deliverables/credits';
import { toDriveFile, toDriveFolder, type DriveContext, type DriveMetadata } from './drive-entries';
import { createDriveFolders } from './drive-folders';
import { createDriveTrash } from './drive-trash';
import { describeBytes, folderSchema, moveSchema, renameSchema, transcriptSchema, uploadInputSchema, type DriveLimits } from './drive-inputs';
import { createFilesRepo, type FileRow, type FolderRow } from './files.repo';

export type { DriveMetadata } from './drive-entries';

const publicSchema = z.object({ public: z.boolean() });

export type UploadRequest = {
	name: string;
	folderId?: string | null;
	/** Pad images accept only (non-SVG) images. */
	accept?: 'any' | 'image';
	/** The size the client announced, to refuse early; the stream is counted anyway. */
	declaredSize?: number;
	source: AsyncIterable<Uint8Array>;
};

type Deps = {
	db: Db;
	clock: Clock;
	workshops: WorkshopsService;
	blobs: BlobStore;
	metadata: DriveMetadata;
	limits: DriveLimits;
	/** A file a published deliverable shows (an image) is readable by that deliverable's readers. */
	isShownPublicly?: (fileId: string) => boolean;
	/** Free-space watermarks: uploads wait while the disk is low (docs/storage.md). */
	storage?: StorageHealth;
	/** Who uploaded or created an entry is shown by their credit choice for the edition (without it: the stored name). */
	credits?: Pick<CreditsService, 'display'>;
};

const storageFull = () =>
	new AppError('insufficient_storage', 'error.storageFull', { file: 'storageFull' });

export function createFilesService(deps: Deps) {
	const repo = createFilesRepo(deps.db);
	const now = () => new Date(deps.clock()).toISOString();

	/** The policy's answer for the workshop's drive (the same for its real-time room and its pages). */
	function rightsIn(viewer: Viewer | null, workshopId: string) {
		const rights = deps.workshops.rights(viewer, workshopId);
		return {
			editionId: rights.edition.id,
			canRead: rights.can('read', 'driveFile', { notDeleted: true }),
			canWrite: rights.can('write', 'driveFile'),
			canFacilitate: rights.can('moderate', 'driveFile'),
			/** For one file: readable in the bin only by facilitators, and by readers of a deliverable that shows it. */
			canReadFile: (file: Pick<FileRow, 'id' | 'trashed_at' | 'public'>) =>
				rights.can('read', 'driveFile', {
					notDeleted: file.trashed_at === null,
					markedPublic: file.public === 1,
					shownPublicly: deps.isShownPublicly?.(file.id) === true
				})
		};
	}

	/** Names as the people chose to be credited in the edition today, looked up once per person. */
	function namesIn(editionId: string) {
		const known = new Map<string, string>();
		return (userId: string | null, stored: string): string => {
			if (!userId || !deps.credits) return stored;
			if (!known.has(userId)) known.set(userId, deps.credits.display(userId, editionId));
			return known.get(userId)!;
		};
	}

	/** Whoever may not read the drive is told it does not exist; readers who may not write are refused. */
	function writer(viewer: Viewer | null, workshopId: string) {
		const rights = rightsIn(viewer, workshopId);
		if (!rights.canRead) throw new AppError('not_found', 'error.drive.notFound');
		if (!rights.canWrite || !viewer) throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'error.drive.joinFirst');
		return { ...rights, viewer };
	}

	function fileFor(viewer: Viewer | null, fileId: string) {
		const row = repo.findById(fileId);
		if (!row) throw new AppError('not_found', 'error.file.notFound');
		return { row, rights: rightsIn(viewer, row.workshop_id) };
	}

	function writableFile(viewer: Viewer | null, fileId: string) {
		const { row } = fileFor(viewer, fileId);
		const rights = writer(viewer, row.workshop_id);
		if (row.trashed_at) throw new AppError('conflict', 'error.file.trashed');
		return { row, rights };
	}

	function assertFolderIn(workshopId: string, folderId: string | null) {
		if (folderId === null) return;
		const folder = repo.findFolder(folderId);
		if (!folder || folder.workshop_id !== workshopId) throw new AppError('invalid', 'error.folder.notFound', { folderId: 'invalidChoice' });
		if (folder.trashed_at) throw new AppError('invalid', 'error.folder.trashed', { folderId: 'folderTrashed' });
	}

	function tooLarge(kind: 'file' | 'quota', limitBytes: number) {
		// Trashed files keep their bytes until the trash is emptied, so they count: the quota message says so.
		const key = kind === 'file' ? 'error.file.tooLarge' : 'error.drive.quotaExceeded';
		const fields = { file: kind === 'file' ? 'fileTooLarge' : 'quotaExceeded', limitBytes: String(limitBytes) };
		return new AppError('too_large', key, fields, {}, { limit: describeBytes(limitBytes) });
	}

	/** A disk that cannot take the bytes answers 507, and the free-space watcher looks at once. */
	function asStorageFault(e: unknown): unknown {
		if (!isStorageError(e)) return e;
		deps.storage?.suspect();
		return storageFull();
	}

	async function removeBlobIfUnused(sha256: string) {
		if (!repo.isReferenced(sha256)) await deps.blobs.remove(sha256);
	}

	/** Writes a row change, then the live entry; if the live write fails the row goes back as it was. */
	function changeFile(row: FileRow, fields: Parameters<typeof repo.update>[1], authorId: string): DriveFile {
		repo.update(row.id, fields);
		const updated = repo.findById(row.id)!;
		try {
			deps.metadata.putFile(row.workshop_id, toDriveFile(updated), authorId);
		} catch (e) {
			const { name, folder_id, trashed_at, trashed_with, transcript } = row;
			repo.update(row.id, { name, folder_id, trashed_at, trashed_with, transcript, public: row.public });
			throw e;
		}
		return toDriveFile(updated);
	}

	const context: DriveContext = { db: deps.db, repo, blobs: deps.blobs, metadata: deps.metadata, now, rightsIn, writer, assertFolderIn, removeBlobIfUnused };

	return {
		...createDriveFolders(context),
		...createDriveTrash(context),
		limits: deps.limits,
		rightsIn,

		/** The drive's entries are written by the server only, after the bytes are stored: whoever may read it reads it live. */
		roomAccess(viewer: Viewer | null, workshopId: string): 'read' {
			if (!rightsIn(viewer, workshopId).canRead) throw new AppError('not_found', 'error.drive.notFound');
			return 'read';
		},

		/** The drive as stored, for the server-rendered list (it works without JavaScript); the live room carries the same entries. */
		list(viewer: Viewer | null, workshopId: string): DriveSnapshot {
			const rights = rightsIn(viewer, workshopId);
			if (!rights.canRead) throw new AppError('not_found', 'error.drive.notFound');
			const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');
			const nameOf = namesIn(rights.editionId);
			const drifted = new Map<string, string>();
			const current = (userId: string | null, stored: string) => {
				const name = nameOf(userId, stored);
				if (userId && name !== stored) drifted.set(userId, name);
				return name;
			};
			const listed = {
				schemaVersion: DRIVE_SCHEMA_VERSION,
				folders: repo
					.listFolders(workshopId)
					.map((row) => toDriveFolder({ ...row, creator_name: current(row.created_by, row.creator_name) }))
					.sort(byName),
				files: repo
					.listFiles(workshopId)
					.map((row) => toDriveFile({ ...row, uploader_name: current(row.uploaded_by, row.uploader_name) }))
					.sort(byName)
			};
			// A name stored before the person's latest choice (older data): the rows and the live entries follow it now.
			for (const [userId, name] of drifted) {
				repo.renamePerson(workshopId, userId, name);
				deps.metadata.renamePerson(workshopId, userId, name);
			}
			return listed;
		},

		/** A file reached through another workshop's URL does not exist. */
		assertInWorkshop(fileId: string, workshopId: string): void {
			if (repo.findById(fileId)?.workshop_id !== workshopId) throw new AppError('not_found', 'error.file.notFound');
		},

		/** Bytes first (aside, then published), then the row, then the live entry: each step undoes the ones before if it fails. */
		async upload(viewer: Viewer | null, workshopId: string, request: UploadRequest): Promise<DriveFile> {
			const who = writer(viewer, workshopId);
			const input = parseInput(uploadInputSchema, { name: request.name, folderId: request.folderId ?? null, accept: request.accept });
			assertFolderIn(workshopId, input.folderId);
			const { uploadMaxBytes, workshopQuotaBytes } = deps.limits;
			const remaining = Math.max(0, workshopQuotaBytes - repo.usedBytes(workshopId));
			const limitKind = remaining < uploadMaxBytes ? 'quota' : 'file';
			const limitBytes = limitKind === 'quota' ? workshopQuotaBytes : uploadMaxBytes;
			const maxBytes = Math.min(remaining, uploadMaxBytes);
			if (request.declaredSize !== undefined && request.declaredSize > maxBytes) throw tooLarge(limitKind, limitBytes);
			if (deps.storage && !deps.storage.acceptsNewFiles()) throw storageFull();

			let staged;
			try {
				staged = await deps.blobs.stage(request.source, { maxBytes });
			} catch (e) {
				if (e instanceof BlobTooLargeError) throw tooLarge(limitKind, limitBytes);
				throw asStorageFault(e);
			}
			const type = sniffType(staged.head, input.name);
			if (input.accept === 'image' && (type.kind !== 'image' || type.active)) {
				await staged.discard();
				throw new AppError('invalid', 'error.file.imagesOnly', { file: 'notAnImage' });
			}
			try {
				await staged.commit();
			} catch (e) {
				throw asStorageFault(e);
			}

			const row: FileRow = {
				id: newId(),
				workshop_id: workshopId,
				folder_id: input.folderId,
				name: input.name,
				sha256: staged.sha256,
				size: staged.size,
				mime: type.mime,
				kind: type.kind,
				active: type.active ? 1 : 0,
				uploaded_by: who.viewer.id,
				uploader_name: namesIn(who.editionId)(who.viewer.id, who.viewer.displayName),
				uploaded_at: now(),
				trashed_at: null,
				trashed_with: null,
				transcript: null,
				public: 0
			};
			let inserted = false;
			try {
				deps.db.transaction(() => {
					// Checked again inside the transaction: two uploads may have raced past the first check.
					if (repo.usedBytes(workshopId) + row.size > workshopQuotaBytes) throw tooLarge('quota', workshopQuotaBytes);
					repo.insert(row);
				})();
				inserted = true;
				deps.metadata.putFile(workshopId, toDriveFile(row), who.viewer.id);
			} catch (e) {
				if (inserted) repo.remove(row.id);
				await removeBlobIfUnused(row.sha256);
				throw asStorageFault(e);
			}
			return toDriveFile(row);
		},

		createFolder(viewer: Viewer | null, workshopId: string, raw: unknown): DriveFolder {
			const who = writer(viewer, workshopId);
			const input = parseInput(folderSchema, raw);
			assertFolderIn(workshopId, input.parentId);
			const row: FolderRow = {
				id: newId(),
				workshop_id: workshopId,
				parent_id: input.parentId,
				name: input.name,
				created_by: who.viewer.id,
				creator_name: namesIn(who.editionId)(who.viewer.id, who.viewer.displayName),
				created_at: now(),
				trashed_at: null,
				trashed_with: null
			};
			repo.insertFolder(row);
			try {
				deps.metadata.putFolder(workshopId, toDriveFolder(row), who.viewer.id);
			} catch (e) {
				repo.removeFolder(row.id);
				throw e;
			}
			return toDriveFolder(row);
		},

		rename(viewer: Viewer | null, fileId: string, raw: unknown): DriveFile {
			const { row, rights } = writableFile(viewer, fileId);
			const { name } = parseInput(renameSchema, raw);
			return changeFile(row, { name }, rights.viewer.id);
		},

		move(viewer: Viewer | null, fileId: string, raw: unknown): DriveFile {
			const { row, rights } = writableFile(viewer, fileId);
			const { folderId } = parseInput(moveSchema, raw);
			assertFolderIn(row.workshop_id, folderId);
			return changeFile(row, { folder_id: folderId }, rights.viewer.id);
		},

		/** Facilitators mark a file public (or not): every reader of the edition may then download it, drive or no drive. */
		setPublic(viewer: Viewer | null, fileId: string, raw: unknown): DriveFile {
			const { row, rights } = writableFile(viewer, fileId);
			if (!rights.canFacilitate) throw new AppError('forbidden', 'error.file.facilitatorsPublish');
			const { public: shared } = parseInput(publicSchema, raw);
			return changeFile(row, { public: shared ? 1 : 0 }, rights.viewer.id);
		},

		/** Anyone who writes may put a file in the trash; only facilitators take it out again. */
		trash(viewer: Viewer | null, fileId: string): DriveFile {
			const { row, rights } = writableFile(viewer, fileId);
			return changeFile(row, { trashed_at: now(), trashed_with: null }, rights.viewer.id);
		},

		restore(viewer: Viewer | null, fileId: string): DriveFile {
			const { row, rights } = fileFor(viewer, fileId);
			if (!rights.canFacilitate) throw new AppError('forbidden', 'error.drive.facilitatorsRestore');
			if (!row.trashed_at) return toDriveFile(row);
			// Its folder may be in the trash (or gone): the file comes back at the root rather than out of sight.
			const folder = row.folder_id ? repo.findFolder(row.folder_id) : null;
			const folder_id = folder && !folder.trashed_at ? folder.id : null;
			return changeFile(row, { trashed_at: null, trashed_with: null, folder_id }, viewer!.id);
		},

		setTranscript(viewer: Viewer | null, fileId: string, raw: unknown): DriveFile {
			const { row, rights } = writableFile(viewer, fileId);
			if (row.kind !== 'audio' && row.kind !== 'video') throw new AppError('invalid', 'error.file.transcriptMediaOnly', { transcript: 'invalid' });
			const { transcript } = parseInput(transcriptSchema, raw);
			return changeFile(row, { transcript: transcript.trim() === '' ? null : transcript }, rights.viewer.id);
		},

		/** A file's bytes for someone who may read its workshop; trashed files only for facilitators. */
		open(viewer: Viewer | null, fileId: string, range?: ByteRange) {
			const { row, rights } = fileFor(viewer, fileId);
			if (!rights.canReadFile(row)) throw new AppError('not_found', 'error.file.notFound');
			const body = deps.blobs.open(row.sha256, range);
			if (!body) throw new AppError('unavailable', 'error.file.bytesMissing');
			// The blob's hash lets derived views (previews) be computed once per content.
			return { file: toDriveFile(row), body, sha256: row.sha256 };
		}
	};
}
export type FilesService = ReturnType<typeof createFilesService>;
