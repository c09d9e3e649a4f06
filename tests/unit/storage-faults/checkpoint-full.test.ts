import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open';
import { cannotMount, fillDisk, mountTmpfs, type Mounted } from './tmpfs';

// MédiaLab runs no explicit checkpoint (server/ never calls wal_checkpoint): SQLite checkpoints by itself at commit
// (every 1,000 WAL pages, the default under server/db/open.ts's settings). This documents what SQLite does with those
// settings when a checkpoint cannot grow the main file: it fails, committed rows stay in the WAL, nothing is lost.
const mounts: Mounted[] = [];
afterAll(() => {
	for (const m of mounts) m.unmount();
});
const title = (what: string) => (cannotMount ? `${what} (skipped: ${cannotMount})` : what);
const freeFiller = (dir: string) => {
	for (const name of fs.readdirSync(dir)) if (name.startsWith('filler-')) fs.rmSync(path.join(dir, name));
};

const ROWS = 400;
const payload = (i: number) => `${i}:`.padEnd(2000, String.fromCharCode(97 + (i % 26)));

describe('a WAL checkpoint on a full disk', () => {
	it.skipIf(cannotMount !== null)(title('fails without losing a committed row; once space is back the checkpoint completes and every row is there'), { timeout: 30_000 }, () => {
		const disk = mountTmpfs(4 * 1024 * 1024);
		mounts.push(disk);
		const file = path.join(disk.dir, 'medialab.sqlite');
		const db = openDatabase(file);
		db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
		db.pragma('wal_checkpoint(TRUNCATE)'); // the main file holds the schema only; the rows below live in the WAL
		const insert = db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)');
		db.transaction(() => {
			for (let i = 0; i < ROWS; i++) insert.run(i, payload(i));
		})();
		const mainBefore = fs.statSync(file).size;
		expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(ROWS * 2000);

		fillDisk(disk.dir);
		// Copying the WAL into the main file needs new space: SQLite reports it to the caller, it does not crash or corrupt.
		let checkpointError: unknown = null;
		try {
			db.pragma('wal_checkpoint(TRUNCATE)');
		} catch (e) {
			checkpointError = e;
		}
		expect((checkpointError as { code?: string } | null)?.code ?? 'no error').toMatch(/^SQLITE_(FULL|IOERR)/);
		expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(ROWS * 2000); // the WAL was not truncated
		// Reads still see every committed row while the disk is full.
		expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(ROWS);

		freeFiller(disk.dir);
		const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
		expect(result).toMatchObject({ busy: 0 });
		expect(fs.statSync(`${file}-wal`).size).toBe(0);
		expect(fs.statSync(file).size).toBeGreaterThan(mainBefore + ROWS * 2000);
		db.close();

		// Read back by a fresh connection, as after a restart: every row, intact.
		const reopened = openDatabase(file);
		const rows = reopened.prepare('SELECT id, body FROM notes ORDER BY id').all() as { id: number; body: string }[];
		expect(rows.length).toBe(ROWS);
		expect(rows.every((r) => r.body === payload(r.id))).toBe(true);
		expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
		reopened.close();
	});

	it.skipIf(cannotMount !== null)(title('the automatic checkpoint failing at commit does not fail the commit: the row is stored'), { timeout: 30_000 }, () => {
		const disk = mountTmpfs(4 * 1024 * 1024);
		mounts.push(disk);
		const file = path.join(disk.dir, 'medialab.sqlite');
		const db = openDatabase(file);
		db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
		db.pragma('wal_checkpoint(TRUNCATE)');
		const insert = db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)');
		db.transaction(() => {
			for (let i = 0; i < ROWS; i++) insert.run(i, payload(i));
		})();
		// Room for one more commit in the WAL, not for the main file to take the whole WAL in.
		fillDisk(disk.dir, 64 * 1024);
		// The app keeps SQLite's default threshold (1,000 pages); lowered here so that this very commit checkpoints.
		db.pragma('wal_autocheckpoint = 1');
		expect(() => insert.run(ROWS, payload(ROWS))).not.toThrow();
		expect(fs.statSync(file).size).toBeLessThan(ROWS * 2000); // the checkpoint could not take the WAL in
		expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(ROWS + 1);

		freeFiller(disk.dir);
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();
		const reopened = openDatabase(file);
		expect(reopened.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(ROWS + 1);
		expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
		reopened.close();
	});
});
