import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocStore } from '../../../server/collab/doc-store';
import { ConfigError, loadConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/open';
import { isAppError } from '../../../server/shared/errors';
import { StorageHealth } from '../../../server/domain/storage-health';
import { waitFor } from '../collab/realtime-harness';

let db: Db | undefined;
let dir: string | undefined;
afterEach(() => {
	db?.close();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
	db = dir = undefined;
});

function cappedDatabase(): Db {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-store-'));
	db = openDatabase(path.join(dir, 'medialab.sqlite'));
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
	return db;
}

/** One update typing `text` at the end of a document made of the previous ones. */
function typer() {
	const doc = new Y.Doc();
	return (text: string) => {
		const before = Y.encodeStateVector(doc);
		doc.getText('t').insert(doc.getText('t').length, text);
		return Y.encodeStateAsUpdate(doc, before);
	};
}

const insufficientStorage = (run: () => unknown) => {
	try {
		run();
	} catch (e) {
		return isAppError(e) && e.code === 'insufficient_storage';
	}
	return false;
};

describe('the doc store when SQLite cannot write', () => {
	it('keeps a failed batch in memory, refuses new updates, and writes everything in order once it can', async () => {
		const db = cappedDatabase();
		const health = new StorageHealth();
		const store = createDocStore(db, { health, retryMs: { first: 20, max: 40 } });
		const type = typer();
		// Big enough to need new pages: the cap makes this first group commit fail.
		const updates = ['a'.repeat(5000), 'b'.repeat(5000), 'c'.repeat(5000)].map(type);
		for (const data of updates) store.append({ room: 'pad:x', data, authorId: null, at: 1 });
		expect(store.flush()).toBe(false);
		expect(health.writable).toBe(false);
		expect(store.pendingBytes()).toBe(updates.reduce((n, u) => n + u.byteLength, 0));
		expect(insufficientStorage(() => store.append({ room: 'pad:x', data: type('d'), authorId: null, at: 2 }))).toBe(true);
		// A room loaded meanwhile still gets the updates the disk has not taken.
		expect(store.load('pad:x').updates).toHaveLength(3);

		db.pragma('max_page_count = 1073741823');
		await waitFor(() => health.writable, 2000);
		expect(store.pendingBytes()).toBe(0);
		const rows = db.prepare('SELECT data FROM doc_updates WHERE room = ? ORDER BY id').pluck().all('pad:x') as Buffer[];
		expect(rows.map((r) => new Uint8Array(r))).toEqual(updates);
	});

	it('refuses an update past its memory bound rather than dropping one', () => {
		const store = createDocStore(openDatabase(':memory:'), { maxPendingBytes: 100 });
		store.append({ room: 'pad:x', data: new Uint8Array(60).fill(1), authorId: null, at: 1 });
		expect(insufficientStorage(() => store.append({ room: 'pad:x', data: new Uint8Array(60).fill(2), authorId: null, at: 1 }))).toBe(true);
		expect(store.pendingBytes()).toBe(60);
	});
});

describe('storage configuration', () => {
	it('has watermarks by default and refuses a read-only watermark above the warning one', () => {
		expect(loadConfig({}).storage).toEqual({
			watermarks: { warn: { bytes: 1024 ** 3, percent: 5 }, readOnly: { bytes: 100 * 1024 ** 2, percent: 1 } },
			checkEveryMs: 10_000
		});
		expect(() => loadConfig({ STORAGE_READONLY_FREE_MB: '2000' })).toThrow(ConfigError);
		expect(() => loadConfig({ STORAGE_WARN_FREE_PERCENT: '120' })).toThrow(/STORAGE_WARN_FREE_PERCENT/);
	});
});
