// What scenarios share: the run context, one server at a time, windows of typing load measured on both sides.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Fleet, type FleetWindow } from './fleet';
import type { GenCpu } from './generator-protocol';
import { drain, type RoomLoad, type Window } from './load';
import { summarizeByFile, summarizeInclusive, summarizeProfile } from './profile';
import { cpuMs, launchServer, type ServerHandle } from './server-handle';
import type { ServerStats } from './server-child';
import { Report, serverLabel, type LatencySummary, type ServerKind } from './stats';

export type Ctx = {
	quick: boolean;
	profile: boolean;
	servers: ServerKind[];
	/** `--generators=N`: load-generator processes for the typing scenarios and the soak (each has its default). */
	generators?: number;
	/** `--storm=2000,5000`: connect-storm sizes for (d). */
	storms?: number[];
	report: Report;
	/** Results other scenarios reuse, e.g. (g) compares with (a). */
	memo: Map<string, unknown>;
};

export const wireOf = (kind: ServerKind) => (kind === 'hocus' ? ('hocus' as const) : ('y' as const));

/** Starts a server child, runs `work`, always stops it. */
export async function withServer<T>(_ctx: Ctx, kind: ServerKind, _label: string, work: (sut: ServerHandle) => Promise<T>, options: { idleUnloadMs?: number } = {}): Promise<T> {
	console.log(`  ▸ ${serverLabel[kind]}`);
	const sut = await launchServer(kind, { idleUnloadMs: options.idleUnloadMs });
	try {
		return await work(sut);
	} finally {
		await sut.stop();
	}
}

/** With --profile, CPU-profiles our server over the measured part of a scenario and prints where the time went. */
export async function profiled<T>(ctx: Ctx, sut: ServerHandle, label: string, work: () => Promise<T>): Promise<T> {
	if (!ctx.profile || sut.kind !== 'ours') return work();
	await sut.profileStart();
	try {
		return await work();
	} finally {
		const file = path.join(os.tmpdir(), `medialab-bench-${label}-${Date.now()}.cpuprofile`);
		await sut.profileStop(file);
		console.log(`    CPU profile of our server (${label}): ${file}`);
		console.log(summarizeProfile(file, 20).replace(/^/gm, '      '));
		console.log('      by file:\n' + summarizeByFile(file, 10).replace(/^/gm, '        '));
		console.log('      inclusive time of server/ functions (% of busy):\n' + summarizeInclusive(file, 12).replace(/^/gm, '        '));
	}
}

export type Measured = {
	latency: LatencySummary & { undelivered: number };
	serverCpuMs: number;
	/** Server CPU as a share of one core over the window. */
	serverCpuShare: number;
	/** The busiest load-generator process, as a share of one core (the runner itself when there is no fleet). */
	generatorCpuShare: number;
	/** Every generator process, as a share of one core. */
	generatorCpuShares: number[];
	/** The runner (relaying between generators), as a share of one core; NaN without a fleet. */
	runnerCpuShare: number;
	/** CPU used by other processes on the machine over the window, in cores. */
	otherCpuShare: number;
	/** Kernel interrupt and softirq time over the window (loopback TCP delivery lands here), in cores. */
	softirqShare: number;
	delivered: number;
	cpuUsPerDelivery: number;
	rss: number;
	windowMs: number;
	/** The server did not even answer a stats request within 15 s: it is drowning. */
	unresponsive: boolean;
	/** The server's event-loop delay over the window (ms). */
	loopDelayP99: number;
	loopDelayMax: number;
	/** Server-specific counters over the window (ours: SQLite transactions). */
	extra: Record<string, number>;
};

const STATS_TIMEOUT_MS = 15_000;
const statsOrNull = (sut: ServerHandle) => sut.stats(STATS_TIMEOUT_MS).catch(() => null);

/** Machine CPU time (ms, all cores) from /proc/stat: user+system of every process, and kernel interrupt/softirq work. */
function machineCpu(): { tasks: number; softirq: number } {
	try {
		const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		// user nice system idle iowait irq softirq steal; USER_HZ is 100 on Linux
		return { tasks: (f[0]! + f[1]! + f[2]!) * 10, softirq: (f[5]! + f[6]!) * 10 };
	} catch {
		return { tasks: NaN, softirq: NaN };
	}
}

type Begin = { server: ServerStats | null; generator: NodeJS.CpuUsage; generators: GenCpu[] | null; machine: { tasks: number; softirq: number }; at: number };

/** Snapshot at the start of a window: server, generator(s) and machine CPU. */
export async function beginMeasure(sut: ServerHandle, fleet?: Fleet): Promise<Begin> {
	return { server: await statsOrNull(sut), generator: process.cpuUsage(), generators: fleet ? await fleet.cpu() : null, machine: machineCpu(), at: performance.now() };
}

/** CPU over [begin, now]: the server's (on its own clock), each generator's (the runner itself when there is no fleet), the machine's. */
async function cpuSince(sut: ServerHandle, begin: Begin, fleet?: Fleet) {
	const windowMs = performance.now() - begin.at;
	const runner = process.cpuUsage(begin.generator);
	const runnerMs = (runner.user + runner.system) / 1000;
	const gensNow = fleet && begin.generators ? await fleet.cpu() : null;
	const generatorMs = gensNow ? gensNow.map((g, i) => (g.user - begin.generators![i]!.user + g.system - begin.generators![i]!.system) / 1000) : [runnerMs];
	const generatorShares = gensNow ? gensNow.map((g, i) => generatorMs[i]! / (g.at - begin.generators![i]!.at)) : [runnerMs / windowMs];
	const machineNow = machineCpu();
	const server = begin.server ? await statsOrNull(sut) : null;
	const serverCpu = begin.server && server ? cpuMs(begin.server, server) : NaN;
	// The server's own clock: a drowning server answers late, and its CPU must be divided by the time it covers.
	const serverSpanMs = begin.server && server ? server.at - begin.server.at : NaN;
	const loadMs = generatorMs.reduce((a, b) => a + b, 0) + (gensNow ? runnerMs : 0);
	const tasksMs = machineNow.tasks - begin.machine.tasks;
	const softirqMs = machineNow.softirq - begin.machine.softirq;
	return (w: { delivered: number }, latency: Measured['latency']): Measured => ({
		latency,
		serverCpuMs: serverCpu,
		serverCpuShare: serverCpu / serverSpanMs,
		generatorCpuShare: Math.max(...generatorShares),
		generatorCpuShares: generatorShares,
		runnerCpuShare: gensNow ? runnerMs / windowMs : NaN,
		otherCpuShare: Math.max(0, tasksMs - serverCpu - loadMs) / windowMs,
		softirqShare: softirqMs / windowMs,
		delivered: w.delivered,
		cpuUsPerDelivery: w.delivered > 0 ? (serverCpu * 1000) / w.delivered : NaN,
		rss: server?.rss ?? NaN,
		windowMs,
		unresponsive: server === null,
		loopDelayP99: server?.loopDelayP99 ?? NaN,
		loopDelayMax: server?.loopDelayMax ?? NaN,
		extra: server?.extra ?? {}
	});
}

/** Closes the measurement: CPU over [begin, now], latency of the window once its keystrokes had `graceMs` to arrive. */
export async function endMeasure(sut: ServerHandle, begin: Begin, w: Window, close: () => void): Promise<() => Measured> {
	close();
	const figures = await cpuSince(sut, begin);
	return () => figures(w, w.summary());
}

/** The same over a fleet of generators: the window is closed in every generator; its latency is merged from all of them. */
export async function endFleetMeasure(sut: ServerHandle, begin: Begin, fleet: Fleet, w: FleetWindow): Promise<() => Promise<Measured>> {
	await fleet.closeWindow(w);
	const figures = await cpuSince(sut, begin, fleet);
	return async () => {
		const latency = await fleet.summary(w);
		if (latency.announcedLateMs > 0) console.log(`    (a generator learnt of the window ${latency.announcedLateMs.toFixed(0)} ms late: some deliveries may show as undelivered)`);
		return figures(latency, latency);
	};
}

/** After typing stopped: every tracked client got every keystroke, with no gap, and every observer converged. */
export async function checkRooms(ctx: Ctx, scenario: string, kind: ServerKind, rooms: RoomLoad[], timeoutMs: number): Promise<boolean> {
	const left = await drain(rooms, timeoutMs);
	let closed = 0;
	for (const r of rooms) for (const c of r.clients) if (c.closed) closed++;
	const label = serverLabel[kind];
	const lostOk = left.keystrokes === 0 && left.gaps === 0;
	ctx.report.check(
		scenario,
		`${label}: no update lost`,
		lostOk,
		lostOk ? `all deliveries complete after ${left.waitedMs.toFixed(0)} ms` : `${left.keystrokes} keystroke deliveries missing at ${left.clients} clients after ${(left.waitedMs / 1000).toFixed(0)} s, ${left.gaps} gaps, ${closed} clients disconnected`
	);
	let converged = 0;
	let firstBad = '';
	for (const r of rooms) {
		const c = r.convergence();
		if (c.ok) converged++;
		else firstBad ||= `${r.name}: ${c.detail}`;
	}
	ctx.report.check(scenario, `${label}: every room converged`, converged === rooms.length, converged === rooms.length ? `${rooms.length}/${rooms.length} rooms` : `${converged}/${rooms.length} rooms; ${firstBad}`);
	return lostOk && converged === rooms.length;
}

/** Above this share of a core, a generator process's own lag shows in the latencies: flagged in the table. */
export const GENERATOR_CPU_LIMIT = 0.7;

export const pct = (share: number) => (share * 100).toFixed(0) + '%';
export const saturationNote = (m: Measured) =>
	[
		m.unresponsive ? 'server unresponsive' : '',
		m.generatorCpuShare > GENERATOR_CPU_LIMIT ? `generator ${pct(m.generatorCpuShare)} CPU` : '',
		m.otherCpuShare > 0.25 ? `other processes ${pct(m.otherCpuShare)} CPU` : ''
	]
		.filter(Boolean)
		.join(', ') || undefined;

function generatorCpu(m: Measured): string {
	if (m.generatorCpuShares.length <= 1 && Number.isNaN(m.runnerCpuShare)) return `generator CPU ${pct(m.generatorCpuShare)}${m.generatorCpuShare > GENERATOR_CPU_LIMIT ? ' (OVER 70%)' : ''}`;
	const over = m.generatorCpuShares.filter((s) => s > GENERATOR_CPU_LIMIT).length;
	return `generators CPU ${m.generatorCpuShares.map(pct).join(' ')}${over ? ` (${over} OVER 70%)` : ''}, runner ${pct(m.runnerCpuShare)}`;
}

export function logMeasured(prefix: string, m: Measured): void {
	const l = m.latency;
	const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '∞');
	console.log(
		`    ${prefix}: p50 ${f(l.p50)} ms, p95 ${f(l.p95)} ms, p99 ${f(l.p99)} ms, max ${f(l.max)} ms over ${l.count} deliveries` +
			(l.undelivered ? ` (${l.undelivered} undelivered)` : '') +
			(m.unresponsive ? '; SERVER UNRESPONSIVE (no answer to a stats request within 15 s)' : '') +
			`; server CPU ${pct(m.serverCpuShare)} of a core, ${m.cpuUsPerDelivery.toFixed(2)} µs/delivery; ${generatorCpu(m)}; other processes ${pct(m.otherCpuShare)}; kernel softirq ${pct(m.softirqShare)}; server RSS ${(m.rss / 1048576).toFixed(0)} MB` +
			`; server event-loop delay p99 ${f(m.loopDelayP99)} ms, max ${f(m.loopDelayMax)} ms`
	);
	const x = m.extra;
	if (x.sqliteTx !== undefined)
		console.log(
			`      SQLite: ${x.sqliteTx} transactions on the event loop, ${f(x.sqliteTxMs!)} ms in total, p99 ${f(x.sqliteTxP99!)} ms, max ${f(x.sqliteTxMax!)} ms, ${x.sqliteTxOver5ms} over 5 ms`
		);
}

/** The same checks over a fleet of generators: deliveries and gaps summed over every process, convergence at each observer. */
export async function checkFleet(ctx: Ctx, scenario: string, kind: ServerKind, fleet: Fleet, rooms: number, timeoutMs: number): Promise<boolean> {
	const left = await fleet.drain(timeoutMs);
	const label = serverLabel[kind];
	const lostOk = left.keystrokes === 0 && left.gaps === 0;
	ctx.report.check(
		scenario,
		`${label}: no update lost`,
		lostOk,
		lostOk ? `all deliveries complete after ${left.waitedMs.toFixed(0)} ms (${fleet.size} generators)` : `${left.keystrokes} keystroke deliveries missing at ${left.clients} clients after ${(left.waitedMs / 1000).toFixed(0)} s, ${left.gaps} gaps, ${left.closed} clients disconnected`
	);
	const { negative, deliveredTotal } = await fleet.counters();
	ctx.report.check(scenario, `${label}: one clock across generators (no delivery before its send time)`, negative === 0, `${negative} of ${deliveredTotal} deliveries`);
	const results = await fleet.convergence();
	const converged = results.filter((r) => r.ok).length;
	const firstBad = results.find((r) => !r.ok);
	const ok = converged === rooms && results.length === rooms;
	ctx.report.check(scenario, `${label}: every room converged`, ok, ok ? `${rooms}/${rooms} rooms` : `${converged}/${rooms} rooms; ${firstBad ? `${firstBad.name}: ${firstBad.detail}` : 'observers missing'}`);
	return lostOk && ok;
}

/** Starts `--generators=N` load-generator processes (or `fallback`), runs `work`, always stops them. */
export async function withFleet<T>(ctx: Ctx, sut: ServerHandle, fallback: number, work: (fleet: Fleet) => Promise<T>): Promise<T> {
	const fleet = await Fleet.start(ctx.generators ?? fallback, wireOf(sut.kind), sut.base);
	try {
		return await work(fleet);
	} finally {
		await fleet.stop();
	}
}

/** A table row with the busiest load-generator process per server, flagged when it passed GENERATOR_CPU_LIMIT. */
export function generatorFigure(ctx: Ctx, scenario: string, name: string, values: Partial<Record<ServerKind, number>>): void {
	const notes = Object.fromEntries(Object.entries(values).filter(([, v]) => v > GENERATOR_CPU_LIMIT).map(([k]) => [k, `OVER ${pct(GENERATOR_CPU_LIMIT)}`]));
	ctx.report.figure({ scenario, name, values, format: pct, notes });
}
