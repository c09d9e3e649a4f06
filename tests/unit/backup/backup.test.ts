// Backup while people type through real WebSocket clients, restore into a fresh directory: nothing the server had
// stored before the backup started is lost; files come along; the search index is marked to be rebuilt.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { backupDataDir, BackupError, restoreDataDir } from '../../../server/backup/backup';
import { explainTargetFailure } from '../../../server/backup/storage-failure';
import { createDocStore } from '../../../server/collab/doc-store';
import { openDatabase, type Db } from '../../../server/db/open';
import { REINDEX_REQUESTED } from '../../../server/search/search';
import { connectClient, startHarness, synced } from '../collab/realtime-harness';
import { padScenario, padText } from '../collab/realtime-fixtures';

const dirs: string[] = [];
const tempDir = (name: string) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `medialab-${name}-`));
	dirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const limits = { uploadMaxBytes: 5 * 1024 * 1024, workshopQuotaBytes: 50 * 1024 * 1024 };

/** What SQLite holds for a room, read through its own connection as another process would. */
function storedDoc(databaseFile: string, room: string): Y.Doc {
	const db = openDatabase(databaseFile);
	try {
		const stored = createDocStore(db).load(room);
		const doc = new Y.Doc();
		if (stored.base) Y.applyUpdate(doc, stored.base);
		for (const u of stored.updates) Y.applyUpdate(doc, u);
		return doc;
	} finally {
		db.close();
	}
}

const bytesOf = (text: string, size: number) => Buffer.alloc(size, text);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('backup and restore', () => {
	it('round trip while typists write: everything stored before the backup began is in the restored copy', { timeout: 60_000 }, async () => {
		const dataDir = tempDir('data');
		const databaseFile = path.join(dataDir, 'medialab.sqlite');
		const db: Db = openDatabase(databaseFile);
		const h = await startHarness({ db });
		const s = await padScenario(h.app);
		const files = createApp({ db, drive: { dataDir, limits } }).files;
		const before = bytesOf('a', 300_000);
		await files.upload(s.organiser, s.workshopId, { name: 'avant.txt', source: Readable.from([before]) });

		const clients = [0, 1, 2].map((i) => connectClient(h.url, s.room, s.tokenOf(s.guest(`Typist ${i}`))));
		await Promise.all(clients.map((c) => synced(c.provider)));
		let typing = true;
		const loops = clients.map(async (c, i) => {
			while (typing) {
				const text = padText(c.doc);
				text.insert(text.length, String.fromCharCode(97 + i).repeat(20));
				await new Promise((r) => setTimeout(r, 5 + i));
			}
		});
		await new Promise((r) => setTimeout(r, 600));

		// What the server had stored when the backup began; the typists go on writing during the backup.
		const stored = storedDoc(databaseFile, s.room);
		const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored));
		expect(padText(stored).length).toBeGreaterThan(100);
		const target = tempDir('backup');
		const during = bytesOf('b', 200_000);
		const [manifest] = await Promise.all([
			backupDataDir({ dataDir, target, force: true }),
			files.upload(s.organiser, s.workshopId, { name: 'pendant.txt', source: Readable.from([during]) })
		]);
		await new Promise((r) => setTimeout(r, 200));
		typing = false;
		await Promise.all(loops);
		for (const c of clients) c.provider.destroy();
		await h.close();
		db.close();

		expect(manifest).toMatchObject({ format: 'medialab-backup', version: 1, missingBlobs: [] });
		expect(fs.existsSync(path.join(target, 'medialab.sqlite-wal'))).toBe(false);

		const fresh = path.join(tempDir('restored'), 'data');
		await restoreDataDir({ source: target, dataDir: fresh });
		const restored = storedDoc(path.join(fresh, 'medialab.sqlite'), s.room);
		const restoredVector = Y.decodeStateVector(Y.encodeStateVector(restored));
		for (const [client, clock] of storedVector) expect(restoredVector.get(client) ?? 0, `client ${client}`).toBeGreaterThanOrEqual(clock);
		expect(padText(restored).length).toBeGreaterThanOrEqual(padText(stored).length);

		const restoredDb = openDatabase(path.join(fresh, 'medialab.sqlite'));
		try {
			const names = restoredDb.prepare('SELECT name, sha256 FROM files ORDER BY name').all() as { name: string; sha256: string }[];
			expect(names.map((f) => f.name)).toContain('avant.txt');
			// Every file the restored database names has its bytes (the one uploaded during the backup too, if its row made it).
			for (const f of names) expect(sha(fs.readFileSync(path.join(fresh, 'blobs', f.sha256.slice(0, 2), f.sha256)))).toBe(f.sha256);
			expect(names.find((f) => f.name === 'avant.txt')!.sha256).toBe(sha(before));
			expect(restoredDb.prepare('SELECT value FROM search_state WHERE name = ?').pluck().get(REINDEX_REQUESTED)).toBe(manifest.createdAt);
		} finally {
			restoredDb.close();
		}
	});

	it('refuses a non-empty target unless forced, and a directory that is not a backup', async () => {
		const dataDir = tempDir('data');
		openDatabase(path.join(dataDir, 'medialab.sqlite')).close();
		const target = tempDir('backup');
		fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
		await expect(backupDataDir({ dataDir, target })).rejects.toThrow(BackupError);
		expect(fs.readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
		await backupDataDir({ dataDir, target, force: true });
		expect(fs.existsSync(path.join(target, 'notes.txt'))).toBe(false);

		const occupied = tempDir('occupied');
		fs.writeFileSync(path.join(occupied, 'medialab.sqlite'), 'precious');
		await expect(restoreDataDir({ source: target, dataDir: occupied })).rejects.toThrow(/not empty/);
		expect(fs.readFileSync(path.join(occupied, 'medialab.sqlite'), 'utf8')).toBe('precious');
		await expect(restoreDataDir({ source: occupied, dataDir: tempDir('empty') })).rejects.toThrow(/not a MédiaLab backup/);
		await expect(backupDataDir({ dataDir, target: path.join(dataDir, 'inside') })).rejects.toThrow(/outside/);
	});

	it('runs as `npm run backup -- <dir>` and `npm run restore -- <dir>` with DATA_DIR', { timeout: 60_000 }, () => {
		const dataDir = tempDir('data');
		openDatabase(path.join(dataDir, 'medialab.sqlite')).close();
		const backupDir = path.join(tempDir('cli'), 'backup');
		const cli = (...args: string[]) =>
			spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir }, timeout: 30_000 });
		const backup = cli('backup', backupDir);
		expect(backup.status, backup.stderr).toBe(0);
		expect(backup.stdout).toMatch(/^Backed up /);
		const refused = cli('restore', backupDir);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/not empty/);
		expect(cli('backup').status).toBe(64);
	});
});

describe('the message for a target disk that cannot take the backup', () => {
	it('is one paragraph per language, French first, with the directory, the cause, the code and the free space', () => {
		const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
		const text = explainTargetFailure('backup', '/mnt/usb/backup', full, { freeBytes: 1.5 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 });
		const [fr, en, ...rest] = text.split('\n\n');
		expect(rest).toEqual([]);
		expect(fr).toMatch(/^La sauvegarde a échoué : impossible d’écrire dans le dossier de sauvegarde \/mnt\/usb\/backup, car son disque est plein \(ENOSPC\)\. Espace libre : 1,5 Mio libres sur 64,0 Mio\./);
		expect(en).toMatch(/^The backup failed: it cannot write to the backup directory \/mnt\/usb\/backup because its disk is full \(ENOSPC\)\. Free space: 1\.5 MiB free of 64\.0 MiB\./);
		const readOnly = explainTargetFailure('restore', '/srv/data', Object.assign(new Error('ro'), { code: 'SQLITE_READONLY' }), null);
		expect(readOnly).toMatch(/^La restauration a échoué : [^\n]*car il est en lecture seule[^\n]*Espace libre : inconnu\./);
		expect(readOnly).toMatch(/\n\nThe restore failed: [^\n]*because it is read-only[^\n]*Free space: unknown\./);
	});
});
