// `npm run backup -- <dir>` and `npm run restore -- <dir>`: see the README's « Backup and restore » section.
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { backupDataDir, BackupError, BackupStorageError, restoreDataDir } from './backup';

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `usage: npm run backup -- <backup dir> [--force]
       npm run restore -- <backup dir> [--force]
The data directory is DATA_DIR (default ./data). --force replaces what the target directory holds.`;

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	const force = rest.includes('--force');
	const dirs = rest.filter((a) => !a.startsWith('--'));
	if ((command !== 'backup' && command !== 'restore') || dirs.length !== 1 || rest.some((a) => a.startsWith('--') && a !== '--force')) {
		complain(USAGE);
		return 64; // EX_USAGE
	}
	let dataDir: string;
	try {
		dataDir = loadConfig().dataDir;
	} catch (e) {
		if (e instanceof ConfigError) {
			complain(e.message);
			return 78; // EX_CONFIG
		}
		throw e;
	}
	const dir = path.resolve(dirs[0]!);
	const started = Date.now();
	try {
		if (command === 'backup') {
			const m = await backupDataDir({ dataDir, target: dir, force });
			say(`Backed up ${dataDir} into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: the database and ${m.files} files (${(m.bytes / 1e6).toFixed(1)} MB).`);
			if (m.missingBlobs.length > 0) say(`${m.missingBlobs.length} file(s) were deleted while the backup ran and are not in it.`);
		} else {
			const m = await restoreDataDir({ source: dir, dataDir, force });
			say(`Restored the backup of ${m.createdAt} into ${dataDir}. Start the server: the search index is rebuilt from it in the background.`);
		}
		return 0;
	} catch (e) {
		if (e instanceof BackupError) {
			complain(e.message);
			return e instanceof BackupStorageError ? 75 : 1; // EX_TEMPFAIL: try again once the target disk has room
		}
		throw e;
	}
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(e: unknown) => {
		complain(e instanceof Error ? (e.stack ?? e.message) : String(e));
		process.exitCode = 1;
	}
);
