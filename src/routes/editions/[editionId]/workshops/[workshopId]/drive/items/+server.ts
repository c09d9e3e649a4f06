import { z } from 'zod';
import { parseInput } from '$server/shared/validate';
import { driveJson, driveOf } from '../drive-json';
import type { RequestHandler } from './$types';

const fileId = z.string().regex(/^[a-z0-9]{8,40}$/);
const folderId = fileId;
const changeSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('rename'), fileId, name: z.string() }),
	z.object({ action: z.literal('move'), fileId, folderId: z.string().nullable() }),
	z.object({ action: z.literal('trash'), fileId }),
	z.object({ action: z.literal('restore'), fileId }),
	z.object({ action: z.literal('transcript'), fileId, transcript: z.string() }),
	z.object({ action: z.literal('setPublic'), fileId, public: z.boolean() }),
	z.object({ action: z.literal('createFolder'), name: z.string(), parentId: z.string().nullable() }),
	z.object({ action: z.literal('renameFolder'), folderId, name: z.string() }),
	z.object({ action: z.literal('moveFolder'), folderId, parentId: z.string().nullable() }),
	z.object({ action: z.literal('trashFolder'), folderId }),
	z.object({ action: z.literal('restoreFolder'), folderId }),
	z.object({ action: z.literal('emptyTrash') })
]);

/** Every drive change other than uploads: `{ action, … }` as JSON; answers with the changed entry. */
export const POST: RequestHandler = ({ request, locals, params }) =>
	driveJson(async () => {
		const drive = driveOf(locals, params);
		const change = parseInput(changeSchema, await request.json().catch(() => null));
		const viewer = locals.viewer;
		if ('fileId' in change) drive.assertInWorkshop(change.fileId, params.workshopId);
		if ('folderId' in change && change.folderId !== null && change.action !== 'move') drive.assertFolderInWorkshop(change.folderId, params.workshopId);
		switch (change.action) {
			case 'rename':
				return drive.rename(viewer, change.fileId, change);
			case 'move':
				return drive.move(viewer, change.fileId, change);
			case 'trash':
				return drive.trash(viewer, change.fileId);
			case 'restore':
				return drive.restore(viewer, change.fileId);
			case 'transcript':
				return drive.setTranscript(viewer, change.fileId, change);
			case 'setPublic':
				return drive.setPublic(viewer, change.fileId, change);
			case 'createFolder':
				return drive.createFolder(viewer, params.workshopId, change);
			case 'renameFolder':
				return drive.renameFolder(viewer, change.folderId, change);
			case 'moveFolder':
				return drive.moveFolder(viewer, change.folderId, change);
			case 'trashFolder':
				return drive.trashFolder(viewer, change.folderId);
			case 'restoreFolder':
				return drive.restoreFolder(viewer, change.folderId);
			case 'emptyTrash':
				return drive.emptyTrash(viewer, params.workshopId);
		}
	});
