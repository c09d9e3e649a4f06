// A consistent copy of a data directory taken while the server runs and people write, and its restore into a fresh one.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { REINDEX_REQUESTED } from '../search/search';
import { targetStorageFailure, type Operation } from './storage-failure';

export const DATABASE_FILE = 'medialab.sqlite';
const MANIFEST = 'medialab-backup.json';

export type BackupManifest = {
	format: 'medialab-backup';
	version: 1;
	createdAt: string;
	/** Highest migration applied in the copied database. */
	schemaVersion: number;
	files: number;
	bytes: number;
	/** Files the database names whose bytes were deleted while the backup ran (their rows were removed meanwhile too). */
	missingBlobs: string[];
};

export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

/**
 * Not copied: the live database files (the online backup writes a consistent copy instead), the search engine's data
 * (rebuilt from SQLite on restore) and uploads still being received.
 */
function isCopied(relative: string): boolean {
	const top = relative.split(path.sep)[0] ?? '';
	if (top.startsWith(DATABASE_FILE) || top === 'meili' || top === MANIFEST) return false;
	return !(relative === path.join('blobs', 'tmp') || relative.startsWith(path.join('blobs', 'tmp') + path.sep));
}

/** The target's disk is full or read-only: the message says so in both languages, and what was written is gone. */
export class BackupStorageError extends BackupError {
	constructor(message: string) {
		super(message);
		this.name = 'BackupStorageError';
	}
}

function isEmptyDir(dir: string): boolean {
	return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

function emptyDir(dir: string) {
	for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/** Best effort: a read-only target may refuse even this, and then there was nothing written to remove. */
function removeWritten(dir: string, existed: boolean) {
	try {
		if (existed) emptyDir(dir);
		else fs.rmSync(dir, { recursive: true, force: true });
	} catch {
		// nothing more can be done; the original error is what the caller needs
	}
}

/**
 * Runs `write` into `dir` (empty or new, unless `force`). Whatever fails, nothing half-written stays behind that could be
 * mistaken for a good backup or data directory; a full or read-only disk is explained with its free space.
 */
async function writeInto<T>(operation: Operation, dir: string, options: { force: boolean; what: string }, write: () => Promise<T>): Promise<T> {
	if (!isEmptyDir(dir) && !options.force) {
		throw new BackupError(`${options.what} ${dir} is not empty: choose an empty or new directory, or pass --force to replace what it holds`);
	}
	const existed = fs.existsSync(dir);
	try {
		if (existed) emptyDir(dir);
		else {
			// Not one recursive mkdir: on a read-only disk it reports ENOENT, where a plain mkdir reports EROFS.
			fs.mkdirSync(path.dirname(dir), { recursive: true });
			fs.mkdirSync(dir, { mode: 0o700 });
		}
		return await write();
	} catch (e) {
		// Measured before the clean-up frees the space: the figure the person needs is what the disk had left.
		const explained = await targetStorageFailure(operation, dir, e);
		removeWritten(dir, existed);
		throw explained ? new BackupStorageError(explained) : e;
	}
}

/** Copies files that are not there yet: blobs are content-addressed and never change, so a present file is the same file. */
async function copyTree(from: string, to: string): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	async function walk(relative: string) {
		for (const entry of await fs.promises.readdir(path.join(from, relative), { withFileTypes: true })) {
			const rel = path.join(relative, entry.name);
			if (!isCopied(rel)) continue;
			if (entry.isDirectory()) {
				await fs.promises.mkdir(path.join(to, rel), { recursive: true });
				await walk(rel);
			} else if (entry.isFile()) {
				const target = path.join(to, rel);
				if (fs.existsSync(target)) continue;
				try {
					await fs.promises.copyFile(path.join(from, rel), target, fs.constants.COPYFILE_EXCL);
				} catch (e) {
					// Removed between the listing and the copy (a file deleted from a drive): it is no longer part of the data.
					if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
					throw e;
				}
				files += 1;
				bytes += (await fs.promises.stat(target)).size;
			}
		}
	}
	if (fs.existsSync(from)) await walk('');
	return { files, bytes };
}

const blobPath = (dir: string, sha256: string) => path.join(dir, 'blobs', sha256.slice(0, 2), sha256);

/**
 * Backs up `dataDir` into `target`: files first, then SQLite's online backup (consistent at one instant, while the
 * server keeps writing), then the files that appeared meanwhile. Blobs are written before the rows naming them, so
 * every blob the copied database names is in the copy unless it was deleted during the backup.
 */
export async function backupDataDir(options: { dataDir: string; target: string; force?: boolean; now?: () => Date }): Promise<BackupManifest> {
	const dataDir = path.resolve(options.dataDir);
	const target = path.resolve(options.target);
	const databaseFile = path.join(dataDir, DATABASE_FILE);
	if (!fs.existsSync(databaseFile)) throw new BackupError(`no MédiaLab database at ${databaseFile}: is DATA_DIR right?`);
	if (target === dataDir || target.startsWith(dataDir + path.sep)) throw new BackupError('the backup directory must be outside the data directory');
	return writeInto('backup', target, { force: options.force ?? false, what: 'the backup directory' }, () => writeBackup(dataDir, target, options.now));
}

async function writeBackup(dataDir: string, target: string, now: (() => Date) | undefined): Promise<BackupManifest> {
	const databaseFile = path.join(dataDir, DATABASE_FILE);
	const first = await copyTree(dataDir, target);
	const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(path.join(target, DATABASE_FILE));
	} finally {
		source.close();
	}
	const second = await copyTree(dataDir, target);

	const copy = new Database(path.join(target, DATABASE_FILE), { fileMustExist: true });
	let manifest: BackupManifest;
	try {
		// One self-contained file, without a write-ahead log beside it.
		copy.pragma('journal_mode = DELETE');
		const check = copy.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new BackupError(`the copied database fails its integrity check: ${String(check)}`);
		const named = copy.prepare('SELECT DISTINCT sha256 FROM files').pluck().all() as string[];
		manifest = {
			format: 'medialab-backup',
			version: 1,
			createdAt: (now?.() ?? new Date()).toISOString(),
			schemaVersion: (copy.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number) ?? 0,
			files: first.files + second.files,
			bytes: first.bytes + second.bytes,
			missingBlobs: named.filter((sha) => !fs.existsSync(blobPath(target, sha)))
		};
	} finally {
		copy.close();
	}
	// Last: a directory without its manifest is not a backup (restore refuses it).
	fs.writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
	return manifest;
}

/**
 * Restores a backup into `dataDir` (empty or new, unless `force`): the files, then the database, migrated if the
 * backup is older than this version, with the search index marked to be rebuilt from it at the next start.
 */
export async function restoreDataDir(options: { source: string; dataDir: string; force?: boolean }): Promise<BackupManifest> {
	const source = path.resolve(options.source);
	const dataDir = path.resolve(options.dataDir);
	let manifest: BackupManifest;
	try {
		manifest = JSON.parse(fs.readFileSync(path.join(source, MANIFEST), 'utf8')) as BackupManifest;
	} catch {
		throw new BackupError(`${source} is not a MédiaLab backup (no readable ${MANIFEST})`);
	}
	if (manifest.format !== 'medialab-backup' || manifest.version !== 1) throw new BackupError(`${source} holds a backup format this version cannot read`);
	if (!fs.existsSync(path.join(source, DATABASE_FILE))) throw new BackupError(`${source} has no ${DATABASE_FILE}`);
	return writeInto('restore', dataDir, { force: options.force ?? false, what: 'the data directory' }, () => writeRestore(source, dataDir, manifest));
}

async function writeRestore(source: string, dataDir: string, manifest: BackupManifest): Promise<BackupManifest> {
	await copyTree(source, dataDir);
	fs.copyFileSync(path.join(source, DATABASE_FILE), path.join(dataDir, DATABASE_FILE), fs.constants.COPYFILE_EXCL);
	const db = openDatabase(path.join(dataDir, DATABASE_FILE));
	try {
		db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(REINDEX_REQUESTED, manifest.createdAt);
	} finally {
		db.close();
	}
	return manifest;
}
