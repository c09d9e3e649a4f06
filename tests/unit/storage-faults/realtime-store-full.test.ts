import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/open';
import { STORAGE_UNAVAILABLE_CLOSE_CODE } from '../../../server/shared/errors';
import { startHarness, waitFor, type Harness } from '../collab/realtime-harness';
import { countOf, storedText, typingScenario, waitUntilAllStored } from './typing-scenario';
import { padText } from '../collab/realtime-fixtures';

// A real database file whose size is capped with PRAGMA max_page_count: SQLite answers SQLITE_FULL exactly as on a full disk.
let harness: Harness | undefined;
let db: Db | undefined;
const cleanups: (() => void)[] = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) cleanup();
	await harness?.close();
	db?.close();
	harness = db = undefined;
});

function fileDatabase(): Db {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-full-'));
	cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
	return openDatabase(path.join(dir, 'medialab.sqlite'));
}

/** No page beyond those the file has now: the next write that needs one fails with SQLITE_FULL. */
function capDatabase(db: Db) {
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}

describe('the real-time store on a full database', () => {
	it('keeps the process and the rooms up, tells writers, and stores everything once it can write again', { timeout: 60_000 }, async () => {
		db = fileDatabase();
		harness = await startHarness({ db, idleUnloadMs: 50, docStore: { retryMs: { first: 50, max: 200 } } });
		const health = harness.app.storage;
		const typing = await typingScenario(harness, { pads: 2, perPad: 3, maxBackoffTime: 300 });
		cleanups.push(() => typing.destroy());
		let pendingWhenFull = -1;
		health.onChange((writable) => {
			if (!writable) pendingWhenFull = harness!.app.rooms.pendingBytes();
		});

		await new Promise((r) => setTimeout(r, 300));
		capDatabase(db);
		await waitFor(() => health.hasWriteError, 5000);
		expect(health.writable).toBe(false);
		// The updates relayed in the turn that failed are held in memory, not dropped.
		expect(pendingWhenFull).toBeGreaterThan(0);

		// Writers are told with the documented code; the process and every room still serve readers.
		await waitFor(() => typing.typists.every((t) => t.closeCodes.includes(STORAGE_UNAVAILABLE_CLOSE_CODE)), 5000);
		for (const room of typing.rooms) {
			const tab = await typing.newTab(room);
			cleanups.push(() => tab.provider.destroy());
			const text = padText(tab.doc).toString();
			expect(text.length).toBeGreaterThan(0);
			// What the room serves includes the updates the disk has not taken yet.
			const stored = storedText(db, room);
			expect(text.length).toBeGreaterThanOrEqual(stored.length);
		}
		expect(await healthOf(harness)).toMatchObject({ ok: false, detail: expect.stringContaining('SQLITE_FULL') });

		await new Promise((r) => setTimeout(r, 500)); // people keep typing while the disk is full
		db.pragma('max_page_count = 1073741823');
		await waitFor(() => health.writable, 5000);
		await new Promise((r) => setTimeout(r, 300));
		await typing.stopTyping();

		// Nothing typed is lost: every keystroke of every typist ends up in SQLite, without a restart.
		await waitUntilAllStored(db, typing.typists, 20_000);
		for (const t of typing.typists) {
			await waitFor(() => countOf(padText(t.client.doc).toString(), t.letter) === t.typed);
			expect(padText(t.client.doc).toString()).toBe(storedText(db, t.room));
		}
		expect(await healthOf(harness)).toMatchObject({ ok: true });
	});
});

const healthOf = async (h: Harness) => h.app.health.get('storage')!();
