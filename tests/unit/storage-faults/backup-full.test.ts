import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDataDir, BackupStorageError } from '../../../server/backup/backup';
import { openDatabase, type Db } from '../../../server/db/open';
import { cannotMount, mountTmpfs, type Mounted } from './tmpfs';

// Issue 21 for `npm run backup` and `npm run restore`: a target disk that fills up (or is read-only) gives a clear
// message and an exit code, leaves no partial backup or half-restored data directory, and the live database goes on.
const mounts: Mounted[] = [];
const dirs: string[] = [];
const tempDir = (name: string) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `medialab-${name}-`));
	dirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const m of mounts) m.unmount();
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
const title = (what: string) => (cannotMount ? `${what} (skipped: ${cannotMount})` : what);
const tmpfs = (bytes: number, options: { readOnly?: boolean } = {}) => {
	const m = mountTmpfs(bytes, options);
	mounts.push(m);
	return m.dir;
};

const cli = (dataDir: string, ...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir }, timeout: 30_000 });

/** A data directory of about 3 MiB of files (incompressible) plus a database the test keeps open, as the server does. */
function liveDataDir(): { dataDir: string; db: Db } {
	const dataDir = tempDir('data');
	for (let i = 0; i < 6; i++) {
		const dir = path.join(dataDir, 'blobs', `0${i}`);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, `0${i}blob`), randomBytes(512 * 1024));
	}
	const db = openDatabase(path.join(dataDir, 'medialab.sqlite'));
	return { dataDir, db };
}

const stillWrites = (db: Db) => {
	db.prepare("INSERT INTO search_state (name, value) VALUES ('backup-test', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(String(Date.now()));
	return db.prepare("SELECT count(*) FROM search_state WHERE name = 'backup-test'").pluck().get();
};

describe('backup and restore into a target that cannot take them', () => {
	it.skipIf(cannotMount !== null)(title('a backup that fills its target exits 75 with one paragraph (FR then EN, free space) and leaves no partial backup'), { timeout: 60_000 }, () => {
		const { dataDir, db } = liveDataDir();
		const disk = tmpfs(1024 * 1024);
		const target = path.join(disk, 'backup');

		const run = cli(dataDir, 'backup', target);
		expect(run.status, run.stderr).toBe(75);
		expect(run.stdout).toBe('');
		const [fr, en] = run.stderr.trim().split('\n\n');
		expect(fr).toMatch(new RegExp(`^La sauvegarde a échoué : impossible d’écrire dans le dossier de sauvegarde ${target}, car son disque est plein \\(ENOSPC\\)\\. Espace libre : 0,0 Mio libres sur 1,0 Mio\\.`));
		expect(fr).toMatch(/il n’y a pas de sauvegarde partielle/);
		expect(en).toMatch(new RegExp(`^The backup failed: it cannot write to the backup directory ${target} because its disk is full \\(ENOSPC\\)\\. Free space: 0\\.0 MiB free of 1\\.0 MiB\\.`));
		expect(en).toMatch(/there is no partial backup/);
		expect(run.stderr).not.toMatch(/ at /); // a paragraph, not a stack
		expect(fs.readdirSync(disk)).toEqual([]);
		expect(fs.statfsSync(disk).bfree).toBe(fs.statfsSync(disk).blocks);
		expect(stillWrites(db)).toBe(1); // the live database never noticed

		// A good target afterwards: the backup works, and the data directory is still the live one.
		const good = path.join(tempDir('good'), 'backup');
		const again = cli(dataDir, 'backup', good);
		expect(again.status, again.stderr).toBe(0);
		expect(fs.existsSync(path.join(good, 'medialab-backup.json'))).toBe(true);
		expect(stillWrites(db)).toBe(1);
		db.close();
	});

	it.skipIf(cannotMount !== null)(title('the database copy itself filling the target (SQLITE_FULL) is explained and removed the same way'), { timeout: 30_000 }, async () => {
		const dataDir = tempDir('bigdb');
		const db = openDatabase(path.join(dataDir, 'medialab.sqlite'));
		const insert = db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?)');
		db.transaction(() => {
			for (let i = 0; i < 1500; i++) insert.run(`row-${i}`, randomBytes(1000).toString('hex'));
		})();
		const disk = tmpfs(1024 * 1024);
		const failure = await backupDataDir({ dataDir, target: disk }).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(BackupStorageError);
		expect((failure as Error).message).toMatch(/car son disque est plein \(SQLITE_FULL\)[^]*because its disk is full \(SQLITE_FULL\)/);
		// The mount point existed before: it is emptied, not removed.
		expect(fs.readdirSync(disk)).toEqual([]);
		expect(db.prepare('SELECT count(*) FROM search_state').pluck().get()).toBeGreaterThanOrEqual(1500);
		db.close();
	});

	it.skipIf(cannotMount !== null)(title('a read-only target is explained as such, and nothing is left'), { timeout: 30_000 }, () => {
		const { dataDir, db } = liveDataDir();
		const disk = tmpfs(1024 * 1024, { readOnly: true });
		const run = cli(dataDir, 'backup', path.join(disk, 'backup'));
		expect(run.status, run.stderr).toBe(75);
		expect(run.stderr).toMatch(/car il est en lecture seule ou ses droits ne permettent pas d’y écrire \(EROFS\)/);
		expect(run.stderr).toMatch(/because it is read-only or its permissions do not allow writing \(EROFS\)/);
		expect(fs.readdirSync(disk)).toEqual([]);
		db.close();
	});

	it.skipIf(cannotMount !== null)(title('a restore into a full disk exits 75, explains, and leaves no half-restored data directory'), { timeout: 60_000 }, () => {
		const { dataDir, db } = liveDataDir();
		const backup = path.join(tempDir('source'), 'backup');
		expect(cli(dataDir, 'backup', backup).status).toBe(0);
		db.close();
		const disk = tmpfs(1024 * 1024);
		const restored = path.join(disk, 'data');

		const run = cli(restored, 'restore', backup);
		expect(run.status, run.stderr).toBe(75);
		expect(run.stderr).toMatch(new RegExp(`^La restauration a échoué : impossible d’écrire dans le dossier de données ${restored}, car son disque est plein \\(ENOSPC\\)\\. Espace libre : 0,0 Mio`));
		expect(run.stderr).toMatch(/ne démarrez pas MédiaLab sur ce dossier[^]*\n\nThe restore failed: it cannot write to the data directory [^]*do not start MédiaLab on that directory/);
		expect(fs.existsSync(restored)).toBe(false);
		expect(fs.readdirSync(disk)).toEqual([]);
		// The backup is untouched: restoring it on a disk with room works.
		const good = path.join(tempDir('restored'), 'data');
		const again = cli(good, 'restore', backup);
		expect(again.status, again.stderr).toBe(0);
		expect(fs.readdirSync(path.join(good, 'blobs')).length).toBe(6);
	});
});
