import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import { STORAGE_UNAVAILABLE_CLOSE_CODE } from '../../../server/shared/errors';
import { levelOf, watchDisk, type FreeSpace } from '../../../server/storage/disk-watch';
import { healthReport } from '../../../src/lib/server/api';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario, padText } from '../collab/realtime-fixtures';
import { storedText } from './typing-scenario';
import { startUploadServer } from './upload-server';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const marks = { warn: { bytes: 1 * GIB, percent: 5 }, readOnly: { bytes: 100 * MIB, percent: 1 } };
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

const stagedFiles = (dataDir: string) => (fs.existsSync(path.join(dataDir, 'blobs', 'tmp')) ? fs.readdirSync(path.join(dataDir, 'blobs', 'tmp')) : []);

/** A disk whose free space the test sets: the watcher reads it through its injectable statfs. */
function fakeDisk(totalBytes: number) {
	const disk = { freeBytes: totalBytes, totalBytes };
	return { disk, statfs: async (): Promise<FreeSpace> => ({ ...disk }) };
}

describe('free-space watermarks', () => {
	it('take the smaller of the size and the percentage, so they suit a small card and a large disk', () => {
		const small = 4 * GIB; // 5 % = 205 MiB, 1 % = 41 MiB
		expect(levelOf({ freeBytes: 300 * MIB, totalBytes: small }, marks)).toBe('ok');
		expect(levelOf({ freeBytes: 150 * MIB, totalBytes: small }, marks)).toBe('low');
		expect(levelOf({ freeBytes: 30 * MIB, totalBytes: small }, marks)).toBe('critical');
		const large = 2000 * GIB;
		expect(levelOf({ freeBytes: 2 * GIB, totalBytes: large }, marks)).toBe('ok');
		expect(levelOf({ freeBytes: 900 * MIB, totalBytes: large }, marks)).toBe('low');
		expect(levelOf({ freeBytes: 99 * MIB, totalBytes: large }, marks)).toBe('critical');
	});

	it('refuse uploads with 507 and say why in /api/health below the warning watermark, and resume by themselves', async () => {
		const dataDir = tempDir('medialab-marks-');
		const app = createApp({ db: openDatabase(':memory:'), drive: { dataDir, limits: { uploadMaxBytes: 200_000, workshopQuotaBytes: 10_000_000 } } });
		const { disk, statfs } = fakeDisk(100 * GIB);
		const watch = watchDisk({ dir: dataDir, health: app.storage, watermarks: marks, statfs, everyMs: 60_000 });
		cleanups.push(() => watch.stop());
		const s = await padScenario(app);
		const guest = s.guest('Bob');
		const server = await startUploadServer(app, guest, { editionId: s.edition.id, workshopId: s.workshopId });
		cleanups.push(() => server.close());
		await watch.check();
		expect((await server.upload('before.txt', Buffer.from('hello'))).status).toBe(200);

		disk.freeBytes = 500 * MIB;
		await watch.check();
		const refused = await server.upload('during.txt', Buffer.alloc(50_000, 'a'));
		expect(refused.status).toBe(507);
		expect(refused.body.error).toMatchObject({ code: 'insufficient_storage', fields: { file: 'storageFull' } });
		expect((await app.files.list(guest, s.workshopId)).files.map((f) => f.name)).toEqual(['before.txt']);
		expect(stagedFiles(dataDir)).toEqual([]);
		const report = healthReport(app.health);
		expect(report.status).toBe('degraded');
		expect(report.checks.storage).toMatchObject({ ok: false, detail: expect.stringMatching(/500\.0 MiB free .*warning watermark: uploads refused/) });
		// Still above the read-only watermark: real-time writes go on.
		expect(app.storage.writable).toBe(true);

		disk.freeBytes = 50 * GIB;
		await watch.check();
		expect((await server.upload('after.txt', Buffer.from('again'))).status).toBe(200);
		expect(healthReport(app.health).status).toBe('ok');
	});
});

describe('the read-only watermark', () => {
	let harness: Harness | undefined;
	afterEach(async () => {
		await harness?.close();
		harness = undefined;
	});

	it('turns rooms read-only for writers (4507) while readers are served, and writes resume without a restart', { timeout: 20_000 }, async () => {
		harness = await startHarness();
		const app: App = harness.app;
		const { disk, statfs } = fakeDisk(10 * GIB);
		const watch = watchDisk({ dir: os.tmpdir(), health: app.storage, watermarks: marks, statfs, everyMs: 60_000 });
		cleanups.push(() => watch.stop());
		const s = await padScenario(app);
		const reader = connectClient(harness.url, s.room, s.tokenOf(s.guest('Reader')));
		const writer = connectClient(harness.url, s.room, s.tokenOf(s.guest('Writer')));
		cleanups.push(() => writer.provider.destroy(), () => reader.provider.destroy());
		writer.provider.maxBackoffTime = 200;
		const closes: number[] = [];
		writer.provider.on('connection-close', (e: { code: number } | null) => e && closes.push(e.code));
		await Promise.all([synced(writer.provider), synced(reader.provider)]);
		padText(writer.doc).insert(0, 'avant ');
		await waitFor(() => padText(reader.doc).toString() === 'avant ');

		disk.freeBytes = 50 * MIB;
		await watch.check();
		expect(app.storage.writable).toBe(false);
		padText(writer.doc).insert(6, 'pendant ');
		await waitFor(() => closes.includes(STORAGE_UNAVAILABLE_CLOSE_CODE));
		// Readers stay, and a new tab is served what was stored.
		const tab = connectClient(harness.url, s.room, s.tokenOf(s.guest('New tab')));
		cleanups.push(() => tab.provider.destroy());
		await synced(tab.provider);
		expect(padText(tab.doc).toString()).toBe('avant ');
		expect(padText(reader.doc).toString()).toBe('avant ');
		expect(storedText(harness.db, s.room)).toBe('avant ');
		expect(healthReport(app.health).checks.storage?.detail).toMatch(/read-only watermark/);

		disk.freeBytes = 5 * GIB;
		await watch.check();
		await waitFor(() => padText(reader.doc).toString() === 'avant pendant ', 5000);
		await waitFor(() => storedText(harness!.db, s.room) === 'avant pendant ');
	});
});

describe('an upload over the size limit (issue 13)', () => {
	it('gets 413 with the limit named, whether or not it announced its Content-Length, and leaves nothing behind', async () => {
		const dataDir = tempDir('medialab-limit-');
		const app = createApp({ db: openDatabase(':memory:'), drive: { dataDir, limits: { uploadMaxBytes: 100_000, workshopQuotaBytes: 10_000_000 } } });
		const s = await padScenario(app);
		const guest = s.guest('Bob');
		const server = await startUploadServer(app, guest, { editionId: s.edition.id, workshopId: s.workshopId });
		cleanups.push(() => server.close());
		for (const streamed of [false, true]) {
			// Past the limit and the envelope: the body reader cuts it (what answered « Internal error » before).
			const far = await server.upload('far.bin', Buffer.alloc(400_000, 1), { streamed });
			expect(far.status).toBe(413);
			expect(far.body.error).toMatchObject({ code: 'too_large', fields: { file: 'fileTooLarge', limitBytes: '100000' } });
			// Just past the limit, inside the envelope: the drive counts the bytes itself.
			const near = await server.upload('near.bin', Buffer.alloc(100_001, 1), { streamed });
			expect(near.status).toBe(413);
			expect(near.body.error).toMatchObject({ code: 'too_large', fields: { file: 'fileTooLarge' } });
		}
		expect((await app.files.list(guest, s.workshopId)).files).toEqual([]);
		expect(stagedFiles(dataDir)).toEqual([]);
	});
});
