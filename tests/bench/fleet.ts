// Runner side of the load generators: forks N generator processes (generator-child.ts), spreads every room's
// clients over them, relays typists' send times between them, and merges their bookkeeping (latency samples,
// expected and delivered keystrokes, missing ones, gaps, convergence) so that every check holds across processes.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role, Wire } from './client';
import { epochForChildren, now } from './clock';
import type { ClientSpec, GenCounters, GenCpu, GenMissing, GenReply, GenRequest, GenSummary, RoomRef } from './generator-protocol';
import { sleep } from './load';
import type { RoomFixture } from './servers/types';
import { Samples, type LatencySummary } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Windows are announced this far ahead (and closed this far after the call), so every generator knows them in time. */
const ANNOUNCE_MS = 100;

export type FleetRoom = RoomRef & { fixture: RoomFixture; nextToken: number; clients: number; typists: number; observer: boolean };
export type FleetWindow = { id: number; start: number; end: number };

type Gen = { child: ChildProcess; request<T>(req: GenRequest, timeoutMs?: number): Promise<T>; relay(req: GenRequest): void };

function startGenerator(index: number, wire: Wire, base: string, onEvent: (from: number, e: GenReply) => void): Promise<Gen> {
	const child = fork(path.join(here, 'generator-child.ts'), [wire, base], {
		execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
		env: { ...process.env, BENCH_EPOCH_NS: epochForChildren() },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		serialization: 'advanced'
	});
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let nextId = 1;
	let exited = false;
	const gen: Gen = {
		child,
		request<T>(req: GenRequest, timeoutMs = 120_000) {
			if (exited) return Promise.reject(new Error(`generator ${index} is gone`));
			const id = nextId++;
			return new Promise<T>((resolve, reject) => {
				const timer = setTimeout(() => {
					pending.delete(id);
					reject(new Error(`generator ${index}: ${req.cmd} timed out`));
				}, timeoutMs);
				pending.set(id, {
					resolve: (v) => (clearTimeout(timer), resolve(v as T)),
					reject: (e) => (clearTimeout(timer), reject(e))
				});
				child.send({ ...req, id });
			});
		},
		relay(req) {
			if (!exited) child.send(req);
		}
	};
	return new Promise((resolve, reject) => {
		child.on('message', (m: GenReply) => {
			if (m.event === 'ready') return resolve(gen);
			if (m.event) return onEvent(index, m);
			const p = pending.get(m.id);
			if (!p) return;
			pending.delete(m.id);
			if (m.error) p.reject(new Error(m.error));
			else p.resolve(m.result);
		});
		child.on('exit', (code) => {
			exited = true;
			reject(new Error(`generator ${index} exited with ${code}`));
			for (const p of pending.values()) p.reject(new Error(`generator ${index} exited with ${code}`));
			pending.clear();
		});
	});
}

export class Fleet {
	readonly rooms: FleetRoom[] = [];
	private nextWindow = 1;
	private constructor(private readonly gens: Gen[]) {}

	static async start(count: number, wire: Wire, base: string): Promise<Fleet> {
		let fleet: Fleet | null = null;
		const gens = await Promise.all(
			Array.from({ length: count }, (_, i) =>
				startGenerator(i, wire, base, (from, e) => {
					// Send times and typists of one generator go to every other one, in the order they came.
					const relay: GenRequest | null = e.event === 'sendTimes' ? { cmd: 'sendTimes', entries: e.entries } : e.event === 'typist' ? { cmd: 'typist', room: e.room, id: e.id } : null;
					if (relay) fleet?.gens.forEach((g, j) => j !== from && g.relay(relay));
				})
			)
		);
		fleet = new Fleet(gens);
		return fleet;
	}

	get size(): number {
		return this.gens.length;
	}

	private all<T>(req: GenRequest, timeoutMs?: number): Promise<T[]> {
		return Promise.all(this.gens.map((g) => g.request<T>(req, timeoutMs)));
	}

	addRoom(fixture: RoomFixture): FleetRoom {
		const room: FleetRoom = { no: this.rooms.length, name: fixture.name, path: fixture.path, fixture, nextToken: 0, clients: 0, typists: 0, observer: false };
		this.rooms.push(room);
		return room;
	}

	/** Client `index` of a room goes to generator (room + index) mod N: every room spans the generators. */
	private genOf(room: FleetRoom, index: number): number {
		return (room.no + index) % this.gens.length;
	}

	/**
	 * Opens `count` more clients in each room (the first client of a room is its observer unless `observer` is false,
	 * then `typists` typists, then receivers), `batch` clients at a time, each batch synced before the next.
	 */
	async open(rooms: FleetRoom[], count: number, typists: number, options: { observer?: boolean; batch?: number } = {}): Promise<{ failed: number; firstError: string }> {
		const batch = options.batch ?? 150;
		let specs: { gen: number; room: FleetRoom; spec: ClientSpec }[] = [];
		let failed = 0;
		let firstError = '';
		const flush = async () => {
			const groups = new Map<string, { gen: number; room: FleetRoom; clients: ClientSpec[] }>();
			for (const s of specs) {
				const key = `${s.gen}/${s.room.no}`;
				if (!groups.has(key)) groups.set(key, { gen: s.gen, room: s.room, clients: [] });
				groups.get(key)!.clients.push(s.spec);
			}
			specs = [];
			const results = await Promise.all(
				[...groups.values()].map((g) => this.gens[g.gen]!.request<{ failed: number; firstError: string }>({ cmd: 'add', room: { no: g.room.no, name: g.room.name, path: g.room.path }, clients: g.clients }, 90_000))
			);
			for (const r of results) {
				failed += r.failed;
				firstError ||= r.firstError;
			}
		};
		for (const room of rooms) {
			let typistsLeft = typists;
			for (let i = 0; i < count; i++) {
				const role: Role = (options.observer ?? true) && !room.observer && room.clients === 0 ? 'observer' : typistsLeft-- > 0 ? 'typist' : 'receiver';
				const token = room.fixture.tokens[room.nextToken++];
				if (token === undefined) throw new Error(`room ${room.name} has no credentials left`);
				if (role === 'observer') room.observer = true;
				specs.push({ gen: this.genOf(room, room.clients), room, spec: { token, role, rank: role === 'typist' ? room.typists++ : -1, tracked: true } });
				room.clients++;
			}
			if (specs.length >= batch) await flush();
		}
		await flush();
		return { failed, firstError };
	}

	/** Every room listed types with its first `count` typists (all when omitted), `perSecond` keystrokes each. */
	async typing(active: { room: FleetRoom; count?: number }[], perSecond = 5, caret = false): Promise<void> {
		const list = active.map((a) => ({ room: a.room.no, count: a.count ?? a.room.typists }));
		await this.all({ cmd: 'typing', perSecond, caret, active: list });
	}

	async stopTyping(): Promise<void> {
		await this.all({ cmd: 'stopTyping' });
	}

	/** A window of send times starting a little ahead, so that every generator knows it before the first keystroke in it. */
	async openWindow(): Promise<FleetWindow> {
		const w = { id: this.nextWindow++, start: now() + ANNOUNCE_MS, end: Infinity };
		await this.all({ cmd: 'window', window: w.id, start: w.start });
		await sleep(Math.max(0, w.start - now()));
		return w;
	}

	async closeWindow(w: FleetWindow): Promise<void> {
		w.end = now() + ANNOUNCE_MS;
		await this.all({ cmd: 'closeWindow', window: w.id, end: w.end });
		await sleep(Math.max(0, w.end - now()));
	}

	/** Every generator's pending send times shipped and relayed to the others (IPC keeps their order). */
	async flush(): Promise<void> {
		await this.all({ cmd: 'flush' });
	}

	/** The window's latency over every generator, with every keystroke not yet delivered counted as infinitely late. */
	async summary(w: FleetWindow): Promise<LatencySummary & { undelivered: number; delivered: number; announcedLateMs: number }> {
		await this.flush();
		const parts = await this.all<GenSummary>({ cmd: 'summary', window: w.id });
		const samples = new Samples();
		let expected = 0;
		let delivered = 0;
		for (const p of parts) {
			samples.addAll(p.samples);
			expected += p.expected;
			delivered += p.delivered;
		}
		const undelivered = Math.max(0, expected - delivered);
		return { ...samples.summary(undelivered), undelivered, delivered, announcedLateMs: Math.max(...parts.map((p) => p.announcedLateMs)) };
	}

	cpu(): Promise<GenCpu[]> {
		return this.all<GenCpu>({ cmd: 'cpu' });
	}

	async counters(): Promise<GenCounters> {
		const parts = await this.all<GenCounters>({ cmd: 'counters' });
		const sum = (f: (c: GenCounters) => number) => parts.reduce((a, c) => a + f(c), 0);
		return { deliveredTotal: sum((c) => c.deliveredTotal), updateMessages: sum((c) => c.updateMessages), awarenessTotal: sum((c) => c.awarenessTotal), keystrokes: sum((c) => c.keystrokes), negative: sum((c) => c.negative), pending: sum((c) => c.pending) };
	}

	async missing(): Promise<GenMissing> {
		await this.flush();
		const parts = await this.all<GenMissing>({ cmd: 'missing' });
		return parts.reduce((a, m) => ({ clients: a.clients + m.clients, keystrokes: a.keystrokes + m.keystrokes, gaps: a.gaps + m.gaps, closed: a.closed + m.closed }), { clients: 0, keystrokes: 0, gaps: 0, closed: 0 });
	}

	/** Waits until no client misses a keystroke (or the timeout); returns what is still missing. */
	async drain(timeoutMs: number): Promise<GenMissing & { waitedMs: number }> {
		const start = now();
		for (;;) {
			const m = await this.missing();
			const waitedMs = now() - start;
			if (m.keystrokes === 0 || waitedMs > timeoutMs) return { ...m, waitedMs };
			await sleep(100);
		}
	}

	async convergence(): Promise<{ room: number; name: string; ok: boolean; detail: string }[]> {
		await this.flush();
		return (await this.all<{ room: number; name: string; ok: boolean; detail: string }[]>({ cmd: 'convergence' })).flat();
	}

	async closeRoom(room: FleetRoom): Promise<void> {
		await this.all({ cmd: 'closeRoom', room: room.no });
	}

	/** `count` receivers of the room leave (spread over the generators); returns how many did. */
	async leave(room: FleetRoom, count: number): Promise<number> {
		const each = Math.ceil(count / this.gens.length);
		const left = (await this.all<number>({ cmd: 'leave', room: room.no, count: each })).reduce((a, b) => a + b, 0);
		room.clients -= left;
		return left;
	}

	async stop(): Promise<void> {
		await Promise.all(
			this.gens.map(async (g) => {
				if (g.child.exitCode !== null) return;
				const gone = new Promise<void>((resolve) => g.child.once('exit', () => resolve()));
				await g.request({ cmd: 'exit' }, 10_000).catch(() => undefined);
				const timer = setTimeout(() => g.child.kill('SIGKILL'), 10_000);
				await gone;
				clearTimeout(timer);
			})
		);
	}
}
