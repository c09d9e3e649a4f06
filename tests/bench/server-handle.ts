// Runner side of a server under test: forks tests/bench/server-child.ts with tsx and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryReading, ServerStats } from './server-child';
import type { ServerKind } from './stats';
import type { FixtureKind, RoomFixture } from './servers/types';
import type { DeskCommand } from './servers/ours-desk';

const here = path.dirname(fileURLToPath(import.meta.url));

export type ServerHandle = {
	kind: ServerKind;
	port: number;
	base: string;
	fixtures(rooms: number, clientsPerRoom: number, kind?: FixtureKind): Promise<RoomFixture[]>;
	stats(timeoutMs?: number): Promise<ServerStats>;
	gcStats(): Promise<ServerStats>;
	/** Memory by kind and the server's counters, after a forced GC that lets RSS settle when `gc`. */
	memory(gc: boolean): Promise<MemoryReading>;
	/** Forced GC, then a V8 heap snapshot written to `file` (pauses the server and inflates its RSS afterwards). */
	heapSnapshot(file: string): Promise<void>;
	roomLoaded(name: string): Promise<boolean>;
	/** Ours only: drives the desk's pages and probes (servers/ours-desk.ts). */
	desk<T>(cmd: DeskCommand): Promise<T>;
	profileStart(): Promise<void>;
	profileStop(file: string): Promise<void>;
	stop(): Promise<void>;
};

export type LaunchOptions = { idleUnloadMs?: number };

export async function launchServer(kind: ServerKind, options: LaunchOptions = {}): Promise<ServerHandle> {
	const execArgv = ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'];
	const child: ChildProcess = fork(path.join(here, 'server-child.ts'), [kind], {
		execArgv,
		env: { ...process.env, BENCH_IDLE_UNLOAD_MS: String(options.idleUnloadMs ?? 1000) },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let nextId = 1;
	let exited = false;
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${kind} server did not start in 60 s`)), 60_000);
		child.on('message', (m: { ready?: boolean; port?: number; id?: number; result?: unknown; error?: string }) => {
			if (m.ready) {
				clearTimeout(timer);
				resolve(m.port!);
				return;
			}
			const p = pending.get(m.id!);
			if (!p) return;
			pending.delete(m.id!);
			if (m.error) p.reject(new Error(m.error));
			else p.resolve(m.result);
		});
		child.on('exit', (code) => {
			exited = true;
			clearTimeout(timer);
			reject(new Error(`${kind} server exited with ${code}`));
			for (const p of pending.values()) p.reject(new Error(`${kind} server exited with ${code}`));
			pending.clear();
		});
	});

	function request<T>(cmd: Record<string, unknown>, timeoutMs = 120_000): Promise<T> {
		if (exited) return Promise.reject(new Error(`${kind} server is gone`));
		const id = nextId++;
		return new Promise<T>((resolve, reject) => {
			const timer = setTimeout(() => {
				pending.delete(id);
				reject(new Error(`${kind} server: ${String(cmd.cmd)} timed out`));
			}, timeoutMs);
			pending.set(id, {
				resolve: (v) => {
					clearTimeout(timer);
					resolve(v as T);
				},
				reject: (e) => {
					clearTimeout(timer);
					reject(e);
				}
			});
			child.send({ id, ...cmd });
		});
	}

	return {
		kind,
		port,
		base: `ws://127.0.0.1:${port}`,
		fixtures: (rooms, clientsPerRoom, kind) => request({ cmd: 'fixtures', rooms, clientsPerRoom, kind }),
		stats: (timeoutMs) => request({ cmd: 'stats' }, timeoutMs),
		gcStats: () => request({ cmd: 'gc' }),
		memory: (gc) => request({ cmd: 'memory', gc }),
		heapSnapshot: (file) => request({ cmd: 'heapSnapshot', file }, 300_000),
		roomLoaded: (name) => request({ cmd: 'roomLoaded', name }),
		desk: (cmd) => request({ cmd: 'desk', desk: cmd }),
		profileStart: () => request({ cmd: 'profileStart' }),
		profileStop: (file) => request({ cmd: 'profileStop', file }, 300_000),
		async stop() {
			if (exited) return;
			const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			await request({ cmd: 'exit' }, 10_000).catch(() => undefined);
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await gone;
			clearTimeout(timer);
		}
	};
}

/** CPU time (ms) the server spent between two stats readings. */
export const cpuMs = (a: ServerStats, b: ServerStats) => (b.cpuUserUs - a.cpuUserUs + b.cpuSystemUs - a.cpuSystemUs) / 1000;
