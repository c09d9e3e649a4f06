import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open';
import { startupStorageFailure, STORAGE_EXIT_CODE } from '../../../server/storage/startup-failure';
import { cannotMount, fillDisk, mountTmpfs, type Mounted } from './tmpfs';

const mounts: Mounted[] = [];
afterAll(() => {
	for (const m of mounts) m.unmount();
});

/** The real production start (server/main.ts), as `npm start` runs it once built. */
function start(dataDir: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'server/main.ts')], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false', SEARCH: 'off', LOG_LEVEL: 'silent' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (c: Buffer) => (output += c));
	child.stderr.on('data', (c: Buffer) => (output += c));
	const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, output }))));
}

function expectOneClearParagraph(output: string, dataDir: string, cause: RegExp) {
	expect(output).toContain(`MédiaLab ne peut pas démarrer : il ne peut pas écrire dans son dossier de données ${dataDir}`);
	expect(output).toMatch(cause);
	expect(output).toMatch(/Espace libre : \d+,\d Mio libres/);
	expect(output).toContain(`MédiaLab cannot start: it cannot write to its data directory ${dataDir}`);
	expect(output).not.toMatch(/\n\s+at /); // no stack
	expect(output).not.toContain('SqliteError');
}

describe('starting on a disk that cannot take writes', () => {
	const title = (what: string) => (cannotMount ? `${what} (skipped: ${cannotMount})` : what);

	// A read-only tmpfs as root; without root, a directory without write permission does the same (root ignores mode bits).
	const isRoot = process.getuid?.() === 0;
	const readOnlyWhy = cannotMount === null || !isRoot ? null : cannotMount;
	it.skipIf(readOnlyWhy !== null)(
		readOnlyWhy ? `explains a read-only data directory (skipped: ${readOnlyWhy})` : 'explains a read-only data directory in one paragraph and exits with 75',
		{ timeout: 40_000 },
		async () => {
			let dir: string;
			if (cannotMount === null) {
				const ro = mountTmpfs(1024 * 1024, { readOnly: true });
				mounts.push(ro);
				dir = ro.dir;
			} else {
				dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-ro-'));
				fs.chmodSync(dir, 0o555);
				mounts.push({ dir, unmount: () => fs.rmSync(dir, { recursive: true, force: true }) });
			}
			const { code, output } = await start(dir);
			expect(code).toBe(STORAGE_EXIT_CODE);
			expectOneClearParagraph(output, dir, /en lecture seule/);
		}
	);

	it.skipIf(cannotMount !== null)(title('explains a full disk, for a new and for an existing database, and exits with 75'), { timeout: 60_000 }, async () => {
		const disk = mountTmpfs(2 * 1024 * 1024);
		mounts.push(disk);
		// An existing instance (database and migrations written), then the disk fills while it is stopped.
		const existing = path.join(disk.dir, 'existing');
		openDatabase(path.join(existing, 'medialab.sqlite')).close();
		fillDisk(disk.dir);
		for (const dataDir of [existing, path.join(disk.dir, 'fresh')]) {
			const { code, output } = await start(dataDir);
			expect(code, output).toBe(STORAGE_EXIT_CODE);
			expectOneClearParagraph(output, dataDir, /son disque est plein/);
		}
	});

	it('keeps the stack for errors that are not about storage', async () => {
		expect(await startupStorageFailure(os.tmpdir(), new Error('a bug'))).toBeNull();
		const explained = await startupStorageFailure(path.join(os.tmpdir(), 'not-yet-created'), Object.assign(new Error('x'), { code: 'ENOSPC' }));
		expect(explained).toMatch(/son disque est plein \(ENOSPC\)/);
		expect(fs.existsSync(path.join(os.tmpdir(), 'not-yet-created'))).toBe(false);
	});
});
