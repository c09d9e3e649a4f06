import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../factories';
import { chunks, createDriveWorld } from './drive-fixtures';
import { errorText } from '$lib/server/error-text';

const HOUR = 60 * 60_000;

describe('emptying the drive trash', () => {
	it('deletes trashed rows and live entries for good, and bytes no other file shares', async () => {
		const w = await createDriveWorld();
		const folder = await w.files.createFolder(w.bob, w.workshopId, { name: 'Vieux' });
		const inFolder = await w.files.upload(w.bob, w.workshopId, { name: 'old.txt', folderId: folder.id, source: chunks('old bytes') });
		const shared = await w.files.upload(w.bob, w.workshopId, { name: 'copy-1.txt', source: chunks('same bytes') });
		const kept = await w.files.upload(w.bob, w.workshopId, { name: 'copy-2.txt', source: chunks('same bytes') });
		await w.files.trashFolder(w.bob, folder.id);
		await w.files.trash(w.bob, shared.id);
		expect(w.blobFiles()).toHaveLength(2);

		await expectAppError(() => w.files.emptyTrash(w.bob, w.workshopId), 'forbidden');
		expect(w.rows()).toBe(3);
		const emptied = await w.files.emptyTrash(w.alice, w.workshopId);
		expect(emptied).toEqual({ files: 2, folders: 1, bytes: 'old bytes'.length + 'same bytes'.length });
		expect(w.rows()).toBe(1);
		expect(w.liveFiles().map((f) => f.id)).toEqual([kept.id]);
		expect(w.liveFolders()).toEqual([]);
		// « same bytes » is still used by copy-2: only the folder's file lost its blob.
		expect(w.blobFiles()).toHaveLength(1);
		const opened = await w.files.open(w.bob, kept.id);
		opened.body.destroy();
		await expectAppError(() => w.files.open(w.alice, inFolder.id), 'not_found');
	});

	it('counts the trash in the quota until it is emptied, and says so', async () => {
		const w = await createDriveWorld();
		const a = await w.files.upload(w.bob, w.workshopId, { name: 'a.txt', source: chunks('a'.repeat(900)) });
		await w.files.upload(w.bob, w.workshopId, { name: 'b.txt', source: chunks('b'.repeat(900)) });
		await w.files.trash(w.bob, a.id);
		const error = await expectAppError(() => w.files.upload(w.bob, w.workshopId, { name: 'c.txt', source: chunks('c'.repeat(900)) }), 'too_large');
		expect(errorText(error, 'en')).toContain('files in the trash count until a facilitator empties it');
		expect(error.fields.file).toBe('quotaExceeded');
		await w.files.emptyTrash(w.alice, w.workshopId);
		const c = await w.files.upload(w.bob, w.workshopId, { name: 'c.txt', source: chunks('c'.repeat(900)) });
		expect(c.size).toBe(900);
	});
});

describe('the orphan blob sweep', () => {
	it('removes old unreferenced blobs and stale staged bytes, and spares referenced or recent ones', async () => {
		const w = await createDriveWorld();
		const file = await w.files.upload(w.bob, w.workshopId, { name: 'kept.txt', source: chunks('kept') });
		const root = path.join(w.dataDir, 'blobs');
		const orphan = 'ab'.repeat(32);
		const young = 'cd'.repeat(32);
		for (const sha of [orphan, young]) {
			fs.mkdirSync(path.join(root, sha.slice(0, 2)), { recursive: true });
			fs.writeFileSync(path.join(root, sha.slice(0, 2), sha), 'bytes whose row never came');
		}
		fs.writeFileSync(path.join(root, 'tmp', 'crashed.part'), 'half an upload');
		const old = new Date(Date.now() - 2 * HOUR);
		fs.utimesSync(path.join(root, 'ab', orphan), old, old);
		fs.utimesSync(path.join(root, 'tmp', 'crashed.part'), old, old);
		// The referenced blob is old too: a row keeps it whatever its age.
		const keptSha = w.app.db.prepare('SELECT sha256 FROM files WHERE id = ?').pluck().get(file.id) as string;
		fs.utimesSync(path.join(root, keptSha.slice(0, 2), keptSha), old, old);

		expect(await w.files.sweepOrphanBlobs()).toEqual({ removed: 1, kept: 2, staging: 1 });
		expect(w.blobFiles().sort()).toEqual([keptSha, young].sort());
		// Once past the grace period the young orphan goes too; the referenced blob never does.
		expect(await w.files.sweepOrphanBlobs({ now: Date.now() + 2 * HOUR })).toEqual({ removed: 1, kept: 1, staging: 0 });
		expect(w.blobFiles()).toEqual([keptSha]);
	});

	it('keeps a blob re-committed by an identical upload fresh, so an in-flight row is not orphaned', async () => {
		const w = await createDriveWorld();
		const first = await w.files.upload(w.bob, w.workshopId, { name: 'one.txt', source: chunks('identical') });
		await w.files.trash(w.bob, first.id);
		await w.files.emptyTrash(w.alice, w.workshopId);
		expect(w.blobFiles()).toEqual([]);
		await w.files.upload(w.bob, w.workshopId, { name: 'two.txt', source: chunks('identical') });
		const [sha] = w.blobFiles();
		const file = path.join(w.dataDir, 'blobs', sha!.slice(0, 2), sha!);
		const old = new Date(Date.now() - 2 * HOUR);
		fs.utimesSync(file, old, old);
		await w.files.upload(w.bob, w.workshopId, { name: 'three.txt', source: chunks('identical') });
		expect(fs.statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
	});
});
