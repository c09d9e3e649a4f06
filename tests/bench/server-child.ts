// The server under test, alone in its own process: started by the runner, it answers requests over IPC
// (fixtures, CPU time and memory, GC) so that its CPU is measured with process.cpuUsage() apart from the load generator.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import type { ServerKind } from './stats';
import { listen, type FixtureKind, type ServerUnderTest } from './servers/types';

export type ChildRequest =
	| { id: number; cmd: 'fixtures'; rooms: number; clientsPerRoom: number; kind?: FixtureKind }
	| { id: number; cmd: 'stats' }
	| { id: number; cmd: 'gc' }
	| { id: number; cmd: 'memory'; gc: boolean }
	| { id: number; cmd: 'heapSnapshot'; file: string }
	| { id: number; cmd: 'roomLoaded'; name: string }
	| { id: number; cmd: 'profileStart' }
	| { id: number; cmd: 'profileStop'; file: string }
	| { id: number; cmd: 'exit' };

export type ServerStats = {
	cpuUserUs: number;
	cpuSystemUs: number;
	rss: number;
	heapUsed: number;
	external: number;
	at: number;
	/** Event-loop delay since the previous stats request (ms). */
	loopDelayP99: number;
	loopDelayMax: number;
	extra: Record<string, number>;
};

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

function stats(sut: ServerUnderTest): ServerStats {
	const cpu = process.cpuUsage();
	const mem = process.memoryUsage();
	const s = {
		cpuUserUs: cpu.user,
		cpuSystemUs: cpu.system,
		rss: mem.rss,
		heapUsed: mem.heapUsed,
		external: mem.external,
		at: performance.now(),
		loopDelayP99: loopDelay.percentile(99) / 1e6,
		loopDelayMax: loopDelay.max / 1e6,
		extra: sut.extraStats?.() ?? {}
	};
	loopDelay.reset();
	return s;
}

/** Where the memory is: V8's heap spaces, array buffers (Yjs updates, socket buffers), and the server's own counters. */
export type MemoryReading = {
	rss: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
	/** V8 heap spaces: bytes used, and bytes committed (what RSS sees). */
	spaces: Record<string, number>;
	committed: Record<string, number>;
	/** v8.getHeapCodeStatistics(): machine code and its metadata, bytecode, script sources. */
	code: { machineCode: number; bytecode: number; scriptSources: number };
	counters: Record<string, number>;
};

function memory(sut: ServerUnderTest): MemoryReading {
	// The bench's own per-window counters (ours: every SQLite transaction's duration) would otherwise pile up in a
	// run that only reads memory, and show as the server's growth: a memory reading starts them afresh.
	sut.extraStats?.();
	const mem = process.memoryUsage();
	const stats = v8.getHeapSpaceStatistics();
	const spaces = Object.fromEntries(stats.map((s) => [s.space_name, s.space_used_size]));
	const committed = Object.fromEntries(stats.map((s) => [s.space_name, s.physical_space_size]));
	const c = v8.getHeapCodeStatistics();
	const code = { machineCode: c.code_and_metadata_size, bytecode: c.bytecode_and_metadata_size, scriptSources: c.external_script_source_size };
	return { rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external, arrayBuffers: mem.arrayBuffers, spaces, committed, code, counters: sut.counters?.() ?? {} };
}

/** Collects until RSS settles (V8 and malloc give pages back lazily), at most ~3 s. */
async function settleGc(): Promise<void> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run the server child with --expose-gc');
	let previous = 0;
	for (let i = 0; i < 15; i++) {
		gc();
		await new Promise((r) => setTimeout(r, 200));
		const rss = process.memoryUsage().rss;
		if (i >= 2 && Math.abs(rss - previous) < 128 * 1024) break;
		previous = rss;
	}
}

async function start(kind: ServerKind): Promise<ServerUnderTest> {
	if (kind === 'ours') return (await import('./servers/ours')).startOurs({ idleUnloadMs: Number(process.env.BENCH_IDLE_UNLOAD_MS ?? 1000) });
	if (kind === 'yws') return (await import('./servers/yws')).startYws();
	return (await import('./servers/hocus')).startHocus();
}

async function main() {
	const kind = process.argv[2] as ServerKind;
	const sut = await start(kind);
	const port = await listen(sut.server);
	const send = (m: unknown) => process.send!(m);
	// Never outlive the runner.
	process.on('disconnect', () => process.exit(0));
	const lifetime = setTimeout(() => process.exit(3), Number(process.env.BENCH_CHILD_MAX_MS ?? 20 * 60_000));
	lifetime.unref();

	process.on('message', async (req: ChildRequest) => {
		try {
			switch (req.cmd) {
				case 'fixtures':
					return send({ id: req.id, result: sut.fixtures(req.rooms, req.clientsPerRoom, req.kind) });
				case 'stats':
					return send({ id: req.id, result: stats(sut) });
				case 'gc':
					await settleGc();
					return send({ id: req.id, result: stats(sut) });
				case 'memory':
					if (req.gc) await settleGc();
					return send({ id: req.id, result: memory(sut) });
				case 'heapSnapshot':
					await settleGc();
					v8.writeHeapSnapshot(req.file);
					return send({ id: req.id, result: true });
				case 'profileStart':
					await (await import('./profile')).startProfiling();
					return send({ id: req.id, result: true });
				case 'profileStop':
					await (await import('./profile')).stopProfiling(req.file);
					return send({ id: req.id, result: true });
				case 'roomLoaded':
					return send({ id: req.id, result: sut.roomLoaded(req.name) });
				case 'exit':
					await Promise.race([sut.close(), new Promise((r) => setTimeout(r, 3000))]);
					send({ id: req.id, result: true });
					// Let a --cpu-prof profile be written by a normal exit.
					setTimeout(() => process.exit(0), 50);
					return;
			}
		} catch (e) {
			send({ id: req.id, error: (e as Error).stack ?? String(e) });
		}
	});
	send({ ready: true, port });
}

main().catch((e) => {
	console.error('[bench server] failed to start', e);
	process.exit(1);
});
