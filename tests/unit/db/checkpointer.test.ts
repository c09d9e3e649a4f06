import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../server/db/checkpointer';
import { openDatabase, type Db } from '../../../server/db/open';

let dir = '';
let db: Db | null = null;

afterEach(() => {
	db?.close();
	db = null;
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean) {
	for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('checkpoints on a worker thread', () => {
	it('copies the WAL into the database while the main connection only appends', async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-checkpoint-'));
		const file = path.join(dir, 'app.sqlite');
		db = openDatabase(file);
		const checkpointer = startCheckpointer(db, file, { everyMs: 20 });
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
		db.exec('CREATE TABLE t (x BLOB)');
		const insert = db.prepare('INSERT INTO t VALUES (?)');
		for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(4096, i));
		const before = checkpointer.stats().checkpoints;
		await until(() => checkpointer.stats().checkpoints > before + 1);
		expect(checkpointer.stats().checkpoints).toBeGreaterThan(before);
		// The pages left the WAL for the database file, and not through this connection (it never checkpointed).
		expect(fs.statSync(file).size).toBeGreaterThan(200 * 4096);
		expect(checkpointer.stats().failures).toBe(0);
		await checkpointer.stop();
		expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(200);
	});

	it('does nothing for an in-memory database', async () => {
		db = openDatabase(':memory:');
		const checkpointer = startCheckpointer(db, ':memory:');
		expect(checkpointer.stats()).toEqual({ checkpoints: 0, failures: 0 });
		await checkpointer.stop();
	});
});
