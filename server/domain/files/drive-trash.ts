// The drive's trash emptied for good (rows, live entries, unshared bytes) and the sweep of blobs no row references.
import { AppError } from '../../shared/errors';
import type { Viewer } from '../types';
import { commitWithLive, type DriveContext } from './drive-entries';

/** An upload writes its blob before its row: a blob younger than this may still be about to be referenced. */
export const ORPHAN_GRACE_MS = 60 * 60_000;

export type EmptiedTrash = { files: number; folders: number; bytes: number };
export type SweepResult = { removed: number; kept: number; staging: number };

export function createDriveTrash(ctx: DriveContext) {
	const { repo } = ctx;

	return {
		/** Facilitators only: trashed files and folders are deleted, and their bytes once no other file shares them. */
		async emptyTrash(viewer: Viewer | null, workshopId: string): Promise<EmptiedTrash> {
			const rights = ctx.rightsIn(viewer, workshopId);
			if (!rights.canFacilitate || !viewer) throw new AppError('forbidden', 'error.drive.facilitatorsEmptyTrash');
			const files = repo.trashedFiles(workshopId);
			const folders = repo.trashedFolders(workshopId);
			await commitWithLive(
				ctx.db,
				() => {
					for (const f of files) repo.remove(f.id);
					// A trashed folder's subfolders are in the trash too: deleting the parent first cascades to them harmlessly.
					for (const f of folders) repo.removeFolder(f.id);
				},
				() => ctx.metadata.apply(workshopId, { removeFiles: files.map((f) => f.id), removeFolders: folders.map((f) => f.id) }, viewer.id)
			);
			for (const sha256 of new Set(files.map((f) => f.sha256))) await ctx.removeBlobIfUnused(sha256);
			return { files: files.length, folders: folders.length, bytes: files.reduce((n, f) => n + f.size, 0) };
		},

		/**
		 * Removes blobs no file row references, once older than the grace period, and staged bytes a crash left behind.
		 * Run at start-up; safe to run any time.
		 */
		async sweepOrphanBlobs(options: { graceMs?: number; now?: number } = {}): Promise<SweepResult> {
			const before = (options.now ?? Date.now()) - (options.graceMs ?? ORPHAN_GRACE_MS);
			const result: SweepResult = { removed: 0, kept: 0, staging: await ctx.blobs.removeStaleStaging(before) };
			for await (const blob of ctx.blobs.list()) {
				if (blob.modifiedAt < before && !repo.isReferenced(blob.sha256)) {
					await ctx.blobs.remove(blob.sha256);
					result.removed++;
				} else result.kept++;
			}
			return result;
		}
	};
}
