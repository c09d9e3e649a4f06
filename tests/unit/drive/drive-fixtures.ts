// A drive service over a fresh in-memory app and a temporary blob directory, with a facilitator and a guest participant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createDriveDocuments } from '../../../server/collab/drive-documents';
import { createFilesService } from '../../../server/domain/files/files.service';
import { readFiles, readFolders } from '../../../server/shared/drive-doc';
import { createLocalBlobStore } from '../../../server/storage/local-blob-store';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, joinCodeOf } from '../factories';

export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c50000000049454e44ae426082', 'hex');

export async function* chunks(...parts: (Buffer | string | Error)[]): AsyncIterable<Uint8Array> {
	for (const part of parts) {
		if (part instanceof Error) throw part;
		yield typeof part === 'string' ? Buffer.from(part) : part;
	}
}

export async function createDriveWorld(limits = { uploadMaxBytes: 1000, workshopQuotaBytes: 2500 }) {
	const { app } = createTestApp();
	const alice = await createAccount(app, 'alice');
	const edition = createEdition(app, alice);
	const workshopId = createWorkshop(app, alice, edition.id, { facilitatorIds: [alice.id], statusOverride: 'live' });
	const bob = createGuest(app, 'Bob');
	app.workshops.join(bob, joinCodeOf(app, workshopId));
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-drive-'));
	const files = createFilesService({
		db: app.db,
		clock: app.clock,
		workshops: app.workshops,
		blobs: createLocalBlobStore(dataDir),
		metadata: createDriveDocuments({ rooms: app.rooms }),
		limits
	});
	const liveDoc = () =>
		app.rooms.withRoom(`drive:${workshopId}`, (room) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, room.state());
			return doc;
		});
	const liveFiles = () => readFiles(liveDoc());
	const liveFolders = () => readFolders(liveDoc());
	const blobFiles = () => {
		const root = path.join(dataDir, 'blobs');
		if (!fs.existsSync(root)) return [];
		return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
	};
	const rows = () => app.db.prepare('SELECT count(*) FROM files').pluck().get() as number;
	return { app, alice, bob, workshopId, files, dataDir, liveFiles, liveFolders, blobFiles, rows };
}
