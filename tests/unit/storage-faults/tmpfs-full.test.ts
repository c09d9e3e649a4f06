import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openDatabase, type Db } from '../../../server/db/open';
import { STORAGE_UNAVAILABLE_CLOSE_CODE } from '../../../server/shared/errors';
import { statDisk, watchDisk } from '../../../server/storage/disk-watch';
import { healthReport } from '../../../src/lib/server/api';
import { startHarness, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario, padText } from '../collab/realtime-fixtures';
import { cannotMount, fillDisk, mountTmpfs, type Mounted } from './tmpfs';
import { countOf, storedText, typingScenario, waitUntilAllStored } from './typing-scenario';
import { startUploadServer } from './upload-server';

// The finding of issue 21, for real: the data directory on a small file system that fills up while people type.
const mounts: Mounted[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => {
	for (const m of mounts) m.unmount();
});

const title = (what: string) => (cannotMount ? `${what} (skipped: ${cannotMount})` : what);
const freeFiller = (dir: string) => {
	for (const name of fs.readdirSync(dir)) if (name.startsWith('filler-')) fs.rmSync(path.join(dir, name));
};

describe('a data directory on a small tmpfs that fills up', () => {
	it.skipIf(cannotMount !== null)(
		title('30 people typing in three pads: the process and the rooms stay up, writers are told, nothing typed is lost once space is back'),
		{ timeout: 90_000 },
		async () => {
			const disk = mountTmpfs(8 * 1024 * 1024);
			mounts.push(disk);
			const db: Db = openDatabase(path.join(disk.dir, 'medialab.sqlite'));
			const harness: Harness = await startHarness({ db, docStore: { retryMs: { first: 50, max: 250 } } });
			cleanups.push(() => void db.close(), () => harness.close());
			const health = harness.app.storage;
			const typing = await typingScenario(harness, { pads: 3, perPad: 10, maxBackoffTime: 400 });
			cleanups.push(() => typing.destroy());

			await new Promise((r) => setTimeout(r, 500));
			fillDisk(disk.dir);
			await waitFor(() => health.hasWriteError, 15_000);
			expect(harness.app.rooms.pendingBytes()).toBeGreaterThan(0);
			// Everybody who types is told, with the documented code; nobody else is dropped.
			await waitFor(() => typing.typists.filter((t) => t.closeCodes.includes(STORAGE_UNAVAILABLE_CLOSE_CODE)).length >= 25, 10_000);
			expect(typing.typists.flatMap((t) => t.closeCodes).filter((c) => c !== STORAGE_UNAVAILABLE_CLOSE_CODE)).toEqual([]);
			for (const room of typing.rooms) {
				const tab = await typing.newTab(room);
				cleanups.push(() => tab.provider.destroy());
				expect(padText(tab.doc).length).toBeGreaterThan(0);
			}
			expect(healthReport(harness.app.health).checks.storage).toMatchObject({ ok: false });

			await new Promise((r) => setTimeout(r, 1000)); // the disk stays full while people type on
			freeFiller(disk.dir);
			await waitFor(() => health.writable, 10_000);
			await new Promise((r) => setTimeout(r, 500));
			await typing.stopTyping();

			await waitUntilAllStored(db, typing.typists, 30_000);
			for (const t of typing.typists) {
				await waitFor(() => countOf(padText(t.client.doc).toString(), t.letter) === t.typed, 10_000);
				await waitFor(() => padText(t.client.doc).toString() === storedText(db, t.room), 10_000);
			}
			expect(healthReport(harness.app.health).checks.storage).toMatchObject({ ok: true });
		}
	);

	it.skipIf(cannotMount !== null)(title('an upload that fills the disk half-way answers 507 and leaves no temporary file and no row'), { timeout: 30_000 }, async () => {
		const disk = mountTmpfs(1024 * 1024);
		mounts.push(disk);
		const app = createApp({ db: openDatabase(':memory:'), drive: { dataDir: disk.dir, limits: { uploadMaxBytes: 25 * 1024 * 1024, workshopQuotaBytes: 100 * 1024 * 1024 } } });
		// Real statfs on the tmpfs, watermarks scaled to it: the failed write makes the watcher look at once.
		const watch = watchDisk({ dir: disk.dir, health: app.storage, watermarks: { warn: { bytes: 256 * 1024, percent: 100 }, readOnly: { bytes: 64 * 1024, percent: 100 } }, everyMs: 60_000 });
		cleanups.push(() => watch.stop());
		await watch.check();
		const s = await padScenario(app);
		const guest = s.guest('Bob');
		const server = await startUploadServer(app, guest, { editionId: s.edition.id, workshopId: s.workshopId });
		cleanups.push(() => server.close());

		const answer = await server.upload('video.mp4', Buffer.alloc(3 * 1024 * 1024, 7));
		expect(answer.status).toBe(507);
		expect(answer.body.error).toMatchObject({ code: 'insufficient_storage', fields: { file: 'storageFull' } });
		expect((await app.files.list(guest, s.workshopId)).files).toEqual([]);
		expect(fs.readdirSync(path.join(disk.dir, 'blobs', 'tmp'))).toEqual([]);
		// Nothing was kept: the disk has its space back, and the next (small) upload goes through.
		expect((await statDisk(disk.dir)).freeBytes).toBeGreaterThan(900 * 1024);
		await watch.check();
		expect((await server.upload('notes.txt', Buffer.from('bonjour'))).status).toBe(200);
	});
});
