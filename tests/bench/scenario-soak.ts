// (soak) Memory over an event day, compressed: slot after slot, new workshop rooms open, people type, come and go,
// then the rooms close and unload. Our server's RSS and heap + external are read after a forced GC at the same
// working set every slot (rooms open; then none), and growth from slot to slot is judged and attributed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Fleet, type FleetRoom } from './fleet';
import { heapDiff } from './heap-diff';
import { GENERATOR_CPU_LIMIT, generatorFigure, pct, withServer, type Ctx } from './kit';
import { sleep } from './load';
import type { MemoryReading } from './server-child';
import type { ServerHandle } from './server-handle';
import { ms, serverLabel } from './stats';

/** Growth of the idle reading from the first measured slot to the last that counts as a leak. */
const GROWTH_LIMIT = 0.1;
const ROOMS_PER_SLOT = 12;
const PEOPLE_PER_ROOM = 20;
const TYPISTS_PER_ROOM = 4;
/** Every churn step, this many receivers of each room leave and as many others join. */
const CHURN = 2;
const CHURN_EVERY_MS = 3000;

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1) + ' MB';
const heapExt = (m: MemoryReading) => m.heapUsed + m.external;

type Slot = { slot: number; open: MemoryReading; idle: MemoryReading; p99: number; undelivered: number; generators: number[] };

export async function scenarioSoak(ctx: Ctx): Promise<void> {
	if (!ctx.servers.includes('ours')) return console.log('  (soak) measures our server only; skipped');
	const minutes = option('soak-minutes', ctx.quick ? 1 : 4);
	const everyMs = option('soak-every', 10) * 1000;
	// About 30 s per slot (a slot of the programme, 30 min of the day compressed), at least 3 slots.
	const slots = Math.max(3, Math.round((minutes * 60) / 30));
	const slotMs = (minutes * 60_000) / slots;
	const typingMs = Math.max(4000, slotMs - 9000); // the rest: closing, unloading and the two GC readings
	console.log(`    ${slots} slots of ${(slotMs / 1000).toFixed(0)} s: ${ROOMS_PER_SLOT} new rooms of ${PEOPLE_PER_ROOM} each (${TYPISTS_PER_ROOM} typing, with carets), ${CHURN} people leave and ${CHURN} join every ${CHURN_EVERY_MS / 1000} s, then the rooms close`);
	await withServer(ctx, 'ours', 'soak', async (sut) => {
		const fleet = await Fleet.start(ctx.generators ?? 2, 'y', sut.base);
		const started = performance.now();
		const ticker = setInterval(() => void tick(sut, started), everyMs);
		try {
			const base = await sut.memory(true);
			console.log(`    start: RSS ${mb(base.rss)}, heap + external ${mb(heapExt(base))} after GC`);
			const done: Slot[] = [];
			const failures: string[] = [];
			// --soak-heap: a heap snapshot after the first measured slot and after the last, compared by constructor.
			const snapshots = process.argv.includes('--soak-heap') ? [2, slots].map((n) => ({ slot: n, file: path.join(os.tmpdir(), `medialab-bench-soak-${Date.now()}-slot${n}.heapsnapshot`) })) : [];
			for (let slot = 1; slot <= slots; slot++) {
				done.push(await runSlot(sut, fleet, slot, typingMs, failures));
				for (const s of snapshots) if (s.slot === slot) await sut.heapSnapshot(s.file);
			}
			report(ctx, done, failures, snapshots.length > 0);
			if (snapshots.length === 2) {
				console.log(`    heap snapshots (after GC, no room open) ${snapshots.map((s) => s.file).join(' and ')}: what grew from slot 2 to slot ${slots}`);
				for (const line of heapDiff(snapshots[0]!.file, snapshots[1]!.file)) console.log(`      ${line}`);
				if (!process.argv.includes('--keep')) for (const s of snapshots) fs.rmSync(s.file, { force: true });
			}
		} finally {
			clearInterval(ticker);
			await fleet.stop();
		}
	});
}

/** A line every few seconds, without GC: what the server holds while the day goes on. */
async function tick(sut: ServerHandle, started: number): Promise<void> {
	const m = await sut.memory(false).catch(() => null);
	if (!m) return;
	const c = m.counters;
	console.log(`      t=${((performance.now() - started) / 1000).toFixed(0)} s: RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} + external ${mb(m.external)}; ${c.roomsLoaded} rooms in memory, ${c.peers} connections`);
}

async function runSlot(sut: ServerHandle, fleet: Fleet, slot: number, typingMs: number, failures: string[]): Promise<Slot> {
	const joins = Math.ceil(typingMs / CHURN_EVERY_MS) * CHURN * fleet.size;
	const rooms = (await sut.fixtures(ROOMS_PER_SLOT, PEOPLE_PER_ROOM + joins)).map((f) => fleet.addRoom(f));
	const opened = await fleet.open(rooms, PEOPLE_PER_ROOM, TYPISTS_PER_ROOM);
	if (opened.failed) failures.push(`slot ${slot}: ${opened.failed} clients failed to sync (${opened.firstError})`);
	// With carets, as in the editor: the rooms' awareness states come and go with the people too.
	await fleet.typing(rooms.map((room) => ({ room })), 5, true);
	const cpu0 = await fleet.cpu();
	const w = await fleet.openWindow();
	const until = performance.now() + typingMs;
	while (performance.now() + CHURN_EVERY_MS < until) {
		await sleep(CHURN_EVERY_MS);
		for (const room of rooms) await churn(fleet, room, failures, slot);
	}
	await sleep(Math.max(0, until - performance.now()));
	await fleet.closeWindow(w);
	const cpu1 = await fleet.cpu();
	await fleet.stopTyping();
	const latency = await fleet.summary(w);
	const left = await fleet.drain(10_000);
	if (left.keystrokes || left.gaps) failures.push(`slot ${slot}: ${left.keystrokes} deliveries missing, ${left.gaps} gaps`);
	const bad = (await fleet.convergence()).filter((c) => !c.ok);
	if (bad.length) failures.push(`slot ${slot}: ${bad.length} rooms did not converge (${bad[0]!.name}: ${bad[0]!.detail})`);
	// The working set of a slot: its rooms open, everyone connected, nothing typing.
	const open = await sut.memory(true);
	for (const room of rooms) await fleet.closeRoom(room);
	// Nobody left: every room saves and unloads (idle unload after 1 s in the bench).
	const deadline = performance.now() + 15_000;
	while ((await sut.memory(false)).counters.roomsLoaded! > 0 && performance.now() < deadline) await sleep(250);
	const idle = await sut.memory(true);
	if (idle.counters.roomsLoaded) failures.push(`slot ${slot}: ${idle.counters.roomsLoaded} rooms still in memory 15 s after everyone left`);
	const generators = cpu1.map((g, i) => (g.user - cpu0[i]!.user + g.system - cpu0[i]!.system) / 1000 / (g.at - cpu0[i]!.at));
	console.log(
		`    slot ${slot}: typing p99 ${ms(latency.p99)}${latency.undelivered ? ` (${latency.undelivered} undelivered)` : ''}; open: RSS ${mb(open.rss)}, heap + external ${mb(heapExt(open))}; ` +
			`after close: RSS ${mb(idle.rss)}, heap + external ${mb(heapExt(idle))}, ${idle.counters.roomsLoaded} rooms in memory; generators CPU ${generators.map(pct).join(' ')}`
	);
	return { slot, open, idle, p99: latency.p99, undelivered: latency.undelivered, generators };
}

/** People come and go: some receivers leave, as many new ones join (and sync). */
async function churn(fleet: Fleet, room: FleetRoom, failures: string[], slot: number): Promise<void> {
	const left = await fleet.leave(room, CHURN);
	const joined = await fleet.open([room], left, 0);
	if (joined.failed) failures.push(`slot ${slot}: ${joined.failed} late joiners failed to sync (${joined.firstError})`);
}

/** `snapshotted`: a heap snapshot after slot 2 inflated the server's RSS for good, so RSS is shown but not judged. */
function report(ctx: Ctx, slots: Slot[], failures: string[], snapshotted: boolean): void {
	const label = serverLabel.ours;
	ctx.report.check('soak', `${label}: every slot complete (all synced, nothing lost, converged, rooms unloaded)`, failures.length === 0, failures.slice(0, 3).join('; '));
	// The first slot warms up (JIT, statement caches, SQLite pages): growth is judged from the second on.
	const first = slots[Math.min(1, slots.length - 1)]!;
	const last = slots.at(-1)!;
	const grow = (a: number, b: number) => (b - a) / a;
	const rows = [['slot', 'RSS open', 'heap+ext open', 'RSS idle', 'heap+ext idle', 'old space idle', 'array buffers idle', 'DB + WAL']];
	for (const s of slots)
		rows.push([String(s.slot), mb(s.open.rss), mb(heapExt(s.open)), mb(s.idle.rss), mb(heapExt(s.idle)), mb(s.idle.spaces.old_space ?? NaN), mb(s.idle.arrayBuffers), mb((s.idle.counters.dbBytes ?? 0) + (s.idle.counters.walBytes ?? 0))]);
	console.log('\n' + rows.map((r) => '    ' + r.map((c) => c.padStart(14)).join(' ')).join('\n'));
	// Where RSS goes besides the heap's live objects: V8's committed spaces (code included) and the code it compiled.
	const committedTotal = (m: MemoryReading) => Object.values(m.committed).reduce((x, y) => x + y, 0);
	const codeRows = [['slot', 'RSS idle', 'V8 committed', 'code space', 'code committed', 'machine code', 'bytecode', 'RSS − committed']];
	for (const s of slots) {
		const m = s.idle;
		codeRows.push([String(s.slot), mb(m.rss), mb(committedTotal(m)), mb(m.spaces.code_space ?? NaN), mb(m.committed.code_space ?? NaN), mb(m.code.machineCode), mb(m.code.bytecode), mb(m.rss - committedTotal(m))]);
	}
	console.log('\n' + codeRows.map((r) => '    ' + r.map((c) => c.padStart(15)).join(' ')).join('\n'));
	const rssGrowth = grow(first.idle.rss, last.idle.rss);
	const heapGrowth = grow(heapExt(first.idle), heapExt(last.idle));
	const openGrowth = grow(heapExt(first.open), heapExt(last.open));
	ctx.report.figure({ scenario: 'soak', name: `RSS after GC, no room open: slot ${first.slot} → ${last.slot}`, values: { ours: rssGrowth }, format: signedPct });
	ctx.report.figure({ scenario: 'soak', name: `heap + external after GC, no room open: slot ${first.slot} → ${last.slot}`, values: { ours: heapGrowth }, format: signedPct });
	ctx.report.figure({ scenario: 'soak', name: `heap + external after GC, ${ROOMS_PER_SLOT} rooms open: slot ${first.slot} → ${last.slot}`, values: { ours: openGrowth }, format: signedPct });
	const measured = slots.slice(first.slot - 1);
	ctx.report.figure({ scenario: 'soak', name: 'heap + external after GC, no room open: growth per slot (least squares)', values: { ours: slope(measured.map((s) => heapExt(s.idle))) }, format: kbSigned });
	ctx.report.figure({ scenario: 'soak', name: 'RSS after GC, no room open: growth per slot (least squares)', values: { ours: slope(measured.map((s) => s.idle.rss)) }, format: kbSigned });
	ctx.report.figure({ scenario: 'soak', name: 'typing p99, worst slot', values: { ours: Math.max(...slots.map((s) => s.p99)) }, format: ms });
	generatorFigure(ctx, 'soak', 'busiest load-generator process (CPU), any slot', { ours: Math.max(...slots.flatMap((s) => s.generators)) });
	if (snapshotted) console.log('    RSS not judged: writing the heap snapshot after slot 2 grew the server\'s RSS by itself (run without --soak-heap to judge it)');
	else ctx.report.target('soak', `no growth beyond the working set: RSS after GC with no room open grows ≤ ${pct(GROWTH_LIMIT)} from slot ${first.slot} to ${last.slot}`, rssGrowth <= GROWTH_LIMIT, `${mb(first.idle.rss)} → ${mb(last.idle.rss)} (${signedPct(rssGrowth)})`);
	ctx.report.target('soak', `no growth beyond the working set: heap + external after GC with no room open grows ≤ ${pct(GROWTH_LIMIT)}`, heapGrowth <= GROWTH_LIMIT, `${mb(heapExt(first.idle))} → ${mb(heapExt(last.idle))} (${signedPct(heapGrowth)})`);
	console.log(`    where it went (slot ${first.slot} → ${last.slot}, idle, after GC): ${attribution(first.idle, last.idle)}`);
	if (Math.max(...slots.flatMap((s) => s.generators)) > GENERATOR_CPU_LIMIT) console.log(`    a generator passed ${pct(GENERATOR_CPU_LIMIT)} of a core: typing latencies include its own lag`);
}

/** Least-squares slope of a series over its index: bytes per slot. */
function slope(ys: number[]): number {
	const n = ys.length;
	if (n < 2) return NaN;
	const mx = (n - 1) / 2;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let num = 0;
	let den = 0;
	ys.forEach((y, x) => ((num += (x - mx) * (y - my)), (den += (x - mx) ** 2)));
	return num / den;
}

const kbSigned = (bytes: number) => (Number.isFinite(bytes) ? (bytes >= 0 ? '+' : '') + (bytes / 1024).toFixed(0) + ' KB' : 'n/a');
const signedPct = (v: number) => (v >= 0 ? '+' : '') + (v * 100).toFixed(1) + '%';

/** The largest changes between two readings: V8 heap spaces, array buffers, external, the server's counters. */
function attribution(a: MemoryReading, b: MemoryReading): string {
	const parts: [string, number, (v: number) => string][] = [];
	for (const [space, used] of Object.entries(b.spaces)) parts.push([`V8 ${space}`, used - (a.spaces[space] ?? 0), mb]);
	parts.push(['array buffers', b.arrayBuffers - a.arrayBuffers, mb], ['external (other than array buffers)', b.external - b.arrayBuffers - (a.external - a.arrayBuffers), mb]);
	parts.push(['RSS outside the JS heap', b.rss - heapExtTotal(b) - (a.rss - heapExtTotal(a)), mb]);
	const bytes = parts.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1])).map(([n, d, f]) => `${n} ${d >= 0 ? '+' : ''}${f(d)}`);
	const counters = Object.keys(b.counters)
		.filter((k) => b.counters[k] !== a.counters[k])
		.map((k) => `${k} ${a.counters[k]} → ${b.counters[k]}`);
	return `${bytes.slice(0, 5).join(', ')}; counters: ${counters.join(', ') || 'unchanged'}`;
}

const heapExtTotal = (m: MemoryReading) => Object.values(m.spaces).reduce((x, y) => x + y, 0) + m.external;
