// A throw-away PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temporary directory, a free port on
// loopback, stopped and deleted afterwards. Never assumes a server is already running.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type TemporaryPostgres = {
	/** postgres://… of the `postgres` database, for creating the databases a test needs. */
	adminUrl: string;
	/** A new empty database; returns its URL. */
	createDatabase(name: string): Promise<string>;
	stop(): Promise<void>;
};

/** The directory of Debian's PostgreSQL programs (the newest installed), or PG_BIN. */
export function postgresBinDir(): string | null {
	if (process.env.PG_BIN) return fs.existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	const newest = versions[0];
	return newest ? path.join(root, newest, 'bin') : null;
}

export const postgresMissing =
	'PostgreSQL is not installed: these tests start their own server from Debian\'s postgresql package. Install it with `apt-get install -y postgresql` (npm test does it when run as root).';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * PostgreSQL refuses to run as root: as root, the server runs as Debian's `postgres` user. setpriv execs in place (no
 * parent in between), so our signals reach the server itself.
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	return isRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]] : [command, args];
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`PostgreSQL stopped while starting (exit ${server.exitCode}):\n${log()}`);
		const client = new pg.Client({ connectionString: url });
		// A probe that failed may still hear from the server (its shutdown, later): that is no error of ours.
		client.on('error', () => undefined);
		try {
			await client.connect();
			await client.end();
			return;
		} catch (e) {
			await client.end().catch(() => undefined);
			if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 20 s: ${(e as Error).message}\n${log()}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
}

export async function startTemporaryPostgres(): Promise<TemporaryPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(postgresMissing);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-pg-'));
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	fs.mkdirSync(socketDir);
	if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:', dir]);

	const [initCmd, initArgs] = asServerUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'medialab', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

	const port = await freePort();
	// Durability is not what these tests check: without fsync a cluster starts and writes in a fraction of the time.
	const settings = ['-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
	const [cmd, args] = asServerUser(path.join(bin, 'postgres'), ['-D', dataDir, ...settings]);
	const server = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	server.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
	const killOnExit = () => server.kill('SIGKILL');
	process.once('exit', killOnExit);

	const adminUrl = `postgres://medialab@127.0.0.1:${port}/postgres`;
	await waitUntilAccepting(adminUrl, server, () => stderr);

	return {
		adminUrl,
		async createDatabase(name) {
			if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a database name: ${name}`);
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			try {
				await client.query(`CREATE DATABASE ${name}`);
			} finally {
				await client.end();
			}
			return `postgres://medialab@127.0.0.1:${port}/${name}`;
		},
		async stop() {
			process.off('exit', killOnExit);
			if (server.exitCode === null) {
				const exited = new Promise((resolve) => server.once('exit', resolve));
				// SIGINT is PostgreSQL's « fast » shutdown.
				server.kill('SIGINT');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
				if (server.exitCode === null) server.kill('SIGKILL');
			}
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
