// Writes drive metadata into the `drive:<workshopId>` room, so connected clients see files as soon as they are stored.
import * as Y from 'yjs';
import { applyDriveBatch, deleteFile, deleteFolder, driveSnapshot, readFile, writeFile, writeFolder, type DriveBatch } from '../shared/drive-doc';
import type { DriveDocumentsPort } from '../domain/ports';
import type { Rooms } from './rooms';

const roomOf = (workshopId: string) => `drive:${workshopId}`;

export type DriveDocuments = DriveDocumentsPort;

export function createDriveDocuments(deps: { rooms: Rooms }): DriveDocuments {
	function read<T>(workshopId: string, work: (doc: Y.Doc) => T): T {
		return deps.rooms.withRoom(roomOf(workshopId), (room) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, room.state());
			return work(doc);
		});
	}

	function change(workshopId: string, authorId: string | null, work: (doc: Y.Doc) => void): void {
		deps.rooms.withRoom(roomOf(workshopId), (room) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, room.state());
			const before = Y.encodeStateVector(doc);
			doc.transact(() => work(doc));
			room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
		});
	}

	return {
		putFile: async (workshopId, file, authorId) => change(workshopId, authorId, (doc) => writeFile(doc, file)),
		removeFile: async (workshopId, fileId) => change(workshopId, null, (doc) => deleteFile(doc, fileId)),
		putFolder: async (workshopId, folder, authorId) => change(workshopId, authorId, (doc) => writeFolder(doc, folder)),
		removeFolder: async (workshopId, folderId) => change(workshopId, null, (doc) => deleteFolder(doc, folderId)),
		apply: async (workshopId, batch, authorId) => change(workshopId, authorId, (doc) => applyDriveBatch(doc, batch)),
		file: async (workshopId, fileId) => read(workshopId, (doc) => readFile(doc, fileId)),
		snapshot: async (workshopId) => read(workshopId, driveSnapshot),
		async renamePerson(workshopId, userId, name) {
			const { files, folders } = read(workshopId, driveSnapshot);
			const batch: DriveBatch = {
				files: files.filter((f) => f.uploadedBy.id === userId).map((f) => ({ ...f, uploadedBy: { id: userId, name } })),
				folders: folders.filter((f) => f.createdBy.id === userId).map((f) => ({ ...f, createdBy: { id: userId, name } }))
			};
			const count = batch.files!.length + batch.folders!.length;
			if (count === 0) return 0;
			change(workshopId, null, (doc) => applyDriveBatch(doc, batch));
			deps.rooms.withRoom(roomOf(workshopId), (room) => room.purgeDeleted({ dropHistory: true }));
			return count;
		}
	};
}
