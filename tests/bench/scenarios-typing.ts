// Typing scenarios: (a) an event, (g) the same with collaboration carets, (b) many workshops, (c) a plenary.
import type { GenCounters } from './generator-protocol';
import { beginMeasure, checkFleet, endFleetMeasure, generatorFigure, logMeasured, pct, profiled, saturationNote, withFleet, withServer, type Ctx, type Measured } from './kit';
import type { FleetRoom } from './fleet';
import { sleep } from './load';
import { ms, us, serverLabel, type ServerKind } from './stats';

type EventResult = Measured & { keystrokes: number };

/** 30 rooms × 30 clients, 5 typists per room at 5 keystrokes/s. */
async function event(ctx: Ctx, kind: ServerKind, caret: boolean, scenario: string): Promise<EventResult> {
	const rooms = ctx.quick ? 10 : 30;
	const durationMs = ctx.quick ? 5000 : 20_000;
	return withServer(ctx, kind, scenario, (sut) =>
		withFleet(ctx, sut, 2, async (fleet) => {
			const loads = (await sut.fixtures(rooms, 30)).map((fixture) => fleet.addRoom(fixture));
			const opened = await fleet.open(loads, 30, 5);
			ctx.report.check(scenario, `${serverLabel[kind]}: all ${rooms * 30} clients synced`, opened.failed === 0, opened.failed ? `${opened.failed} failed: ${opened.firstError}` : '');
			await fleet.typing(loads.map((room) => ({ room })), 5, caret);
			await sleep(ctx.quick ? 1000 : 2000); // warm-up
			const { measured, keystrokes } = await profiled(ctx, sut, scenario, async () => {
				const begin = await beginMeasure(sut, fleet);
				const before = await fleet.counters();
				const w = await fleet.openWindow();
				await sleep(durationMs);
				const measured = await endFleetMeasure(sut, begin, fleet, w);
				const after = await fleet.counters();
				mergeFactor(before, after);
				return { measured, keystrokes: after.keystrokes - before.keystrokes };
			});
			await sleep(1000);
			await fleet.stopTyping();
			const m = await measured();
			logMeasured(`${keystrokes} keystrokes${caret ? ' with carets' : ''}`, m);
			if (caret) console.log(`    awareness messages received by clients: ${(await fleet.counters()).awarenessTotal}`);
			await checkFleet(ctx, scenario, kind, fleet, loads.length, 20_000);
			return { ...m, keystrokes };
		})
	);
}

export async function scenarioA(ctx: Ctx): Promise<void> {
	const results: Partial<Record<ServerKind, EventResult>> = {};
	for (const kind of ctx.servers) results[kind] = await event(ctx, kind, false, 'a');
	ctx.memo.set('a', results);
	figures(ctx, 'a', results);
	const ours = results.ours?.latency.p99;
	const refs = (['yws', 'hocus'] as const).map((k) => results[k]?.latency.p99).filter((v): v is number => v !== undefined);
	if (ours !== undefined && refs.length > 0) {
		const better = Math.min(...refs);
		ctx.report.target('a', 'p99 with persistence ≤ better in-memory reference p99', ours <= better, `${ms(ours)} vs ${ms(better)}`);
	}
}

function figures(ctx: Ctx, scenario: string, results: Partial<Record<ServerKind, EventResult>>): void {
	const pick = (f: (r: EventResult) => number) => Object.fromEntries(Object.entries(results).map(([k, r]) => [k, f(r)]));
	const notes = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, saturationNote(r)]).filter(([, n]) => n));
	ctx.report.figure({ scenario, name: 'latency p50', values: pick((r) => r.latency.p50), format: ms });
	ctx.report.figure({ scenario, name: 'latency p95', values: pick((r) => r.latency.p95), format: ms });
	ctx.report.figure({ scenario, name: 'latency p99', values: pick((r) => r.latency.p99), format: ms, notes });
	ctx.report.figure({ scenario, name: 'server CPU (share of 1 core)', values: pick((r) => r.serverCpuShare), format: pct });
	ctx.report.figure({ scenario, name: 'server CPU per delivered update', values: pick((r) => r.cpuUsPerDelivery), format: us });
	generatorFigure(ctx, scenario, 'busiest load-generator process (CPU)', pick((r) => r.generatorCpuShare));
}

export async function scenarioG(ctx: Ctx): Promise<void> {
	const kinds: ServerKind[] = ctx.servers.includes('ours') ? ['ours'] : [];
	if (kinds.length === 0) return console.log('  (g) measures our server only; skipped');
	let baseline = (ctx.memo.get('a') as Partial<Record<ServerKind, EventResult>> | undefined)?.ours;
	if (!baseline) baseline = await event(ctx, 'ours', false, 'g');
	const withCarets = await event(ctx, 'ours', true, 'g');
	ctx.report.figure({ scenario: 'g', name: 'server CPU, no carets (a)', values: { ours: baseline.serverCpuShare }, format: pct });
	ctx.report.figure({ scenario: 'g', name: 'server CPU, caret per keystroke', values: { ours: withCarets.serverCpuShare }, format: pct });
	ctx.report.figure({ scenario: 'g', name: 'latency p99, caret per keystroke', values: { ours: withCarets.latency.p99 }, format: ms });
	// Same keystroke rate in both runs, but compare per keystroke to be exact.
	const perKeyA = baseline.serverCpuMs / baseline.keystrokes;
	const perKeyG = withCarets.serverCpuMs / withCarets.keystrokes;
	const ratio = perKeyG / perKeyA;
	ctx.report.target('g', 'server CPU with carets ≤ 1.3× without', ratio <= 1.3, `${(perKeyG * 1000).toFixed(0)} µs vs ${(perKeyA * 1000).toFixed(0)} µs per keystroke (${ratio.toFixed(2)}×)`);
}

type Step = { rooms: number; m: Measured };

/** How many keystrokes each update message carried on average (1.0: no merging), between two counter readings. */
function mergeFactor(before: GenCounters, after: GenCounters): void {
	const delivered = after.deliveredTotal - before.deliveredTotal;
	const messages = after.updateMessages - before.updateMessages;
	if (messages > 0) console.log(`      ${(delivered / messages).toFixed(2)} keystrokes per update message received (${messages} messages)`);
}

/** Adds rooms of 30 (5 typists) while p99 stays ≤ 100 ms. */
async function workshops(ctx: Ctx, kind: ServerKind): Promise<Step[]> {
	const start = ctx.quick ? 30 : 60;
	const step = ctx.quick ? 30 : 10;
	const max = ctx.quick ? 90 : 170;
	const stepMs = ctx.quick ? 3000 : 6000;
	return withServer(ctx, kind, 'b', (sut) =>
		withFleet(ctx, sut, 4, async (fleet) => {
			const fixtures = await sut.fixtures(max, 30);
			const loads: FleetRoom[] = [];
			const steps: Step[] = [];
			let failedToOpen = 0;
			const grow = async (n: number) => {
				const fresh = fixtures.slice(loads.length, n).map((fixture) => fleet.addRoom(fixture));
				loads.push(...fresh);
				failedToOpen += (await fleet.open(fresh, 30, 5)).failed;
				await fleet.typing(loads.map((room) => ({ room })));
			};
			// Ramp up to the first measured step (unmeasured): a cold server hit by thousands of joins and typists at
			// once falls behind for a while, which is not what this scenario measures.
			for (let n = 20; n < start; n += 20) {
				await grow(n);
				await sleep(2000);
			}
			await profiled(ctx, sut, 'b', async () => {
				for (let n = start; n <= max; n += step) {
					await grow(n);
					await sleep(1500);
					const begin = await beginMeasure(sut, fleet);
					const before = await fleet.counters();
					const w = await fleet.openWindow();
					await sleep(stepMs);
					const measured = await endFleetMeasure(sut, begin, fleet, w);
					const after = await fleet.counters();
					await sleep(1000); // grace: anything still undelivered after ≥ 1 s counts as infinitely late
					const m = await measured();
					logMeasured(`${n} rooms`, m);
					mergeFactor(before, after);
					steps.push({ rooms: n, m });
					if (!(m.latency.p99 <= 100) || m.unresponsive) break;
				}
			});
			await fleet.stopTyping();
			ctx.report.check('b', `${serverLabel[kind]}: all clients synced`, failedToOpen === 0, failedToOpen ? `${failedToOpen} failed` : '');
			await checkFleet(ctx, 'b', kind, fleet, loads.length, 30_000);
			return steps;
		})
	);
}

export async function scenarioB(ctx: Ctx): Promise<void> {
	const all: Partial<Record<ServerKind, Step[]>> = {};
	for (const kind of ctx.servers) all[kind] = await workshops(ctx, kind);
	const capacity = (steps: Step[]) => steps.filter((s) => s.m.latency.p99 <= 100).reduce((a, s) => Math.max(a, s.rooms), 0);
	const capped = (steps: Step[]) => steps.at(-1)!.m.latency.p99 <= 100;
	const values = Object.fromEntries(Object.entries(all).map(([k, s]) => [k, capacity(s)]));
	const notes = Object.fromEntries(Object.entries(all).filter(([, s]) => capped(s)).map(([k]) => [k, 'bench cap reached']));
	ctx.report.figure({ scenario: 'b', name: 'rooms of 30 with p99 ≤ 100 ms', values, format: (v) => String(v), higherIsBetter: true, notes });
	// CPU per delivered update, compared at the largest room count every server was measured at.
	const common = Math.min(...Object.values(all).map((s) => s.at(-1)!.rooms));
	const at = (s: Step[]) => s.find((x) => x.rooms === common)!.m;
	ctx.report.figure({ scenario: 'b', name: `server CPU per delivered update at ${common} rooms`, values: Object.fromEntries(Object.entries(all).map(([k, s]) => [k, at(s).cpuUsPerDelivery])), format: us });
	ctx.report.figure({ scenario: 'b', name: `latency p99 at ${common} rooms`, values: Object.fromEntries(Object.entries(all).map(([k, s]) => [k, at(s).latency.p99])), format: ms });
	generatorFigure(ctx, 'b', 'busiest load-generator process (CPU), any step', Object.fromEntries(Object.entries(all).map(([k, s]) => [k, Math.max(...s.map((x) => x.m.generatorCpuShare))])));
	for (const [k, s] of Object.entries(all)) console.log(`    ${serverLabel[k as ServerKind]} p99 by rooms: ${s.map((x) => `${x.rooms}→${ms(x.m.latency.p99)}`).join(', ')}`);
	if (all.ours) {
		const ours = capacity(all.ours);
		ctx.report.target('b', 'rooms of 30 with p99 ≤ 100 ms ≥ 110', ours >= 110, `${ours} rooms${capped(all.ours) ? ' (bench cap)' : ''}`);
		const refs = (['yws', 'hocus'] as const).filter((k) => all[k]).map((k) => at(all[k]!).cpuUsPerDelivery);
		if (refs.length) {
			const better = Math.min(...refs);
			const o = at(all.ours).cpuUsPerDelivery;
			ctx.report.target('b', `server CPU per delivered update ≤ 0.8× better reference (at ${common} rooms)`, o <= 0.8 * better, `${us(o)} vs ${us(better)} (${(o / better).toFixed(2)}×)`);
		}
	}
}

type PlenaryPhase = { members: number; typing: number; m: Measured };

/** One room grown from 400 to 1,000 members; at each size 50 typists, then 10% of the members. */
async function plenary(ctx: Ctx, kind: ServerKind): Promise<PlenaryPhase[]> {
	const sizes = ctx.quick ? [400, 1000] : [400, 600, 800, 1000];
	const phaseMs = ctx.quick ? 3000 : 6000;
	// The references fall far behind at this size; measuring them at 10% typing only adds minutes of backlog.
	const tenPercent = kind === 'ours';
	return withServer(ctx, kind, 'c', (sut) =>
		withFleet(ctx, sut, 4, async (fleet) => {
			const [fixture] = await sut.fixtures(1, 1000);
			const room = fleet.addRoom(fixture!);
			const phases: PlenaryPhase[] = [];
			let failed = 0;
			await profiled(ctx, sut, 'c', async () => {
				for (const size of sizes) {
					const wantTypists = Math.max(50, tenPercent ? size / 10 : 0);
					const toAdd = size - room.clients;
					const newTypists = Math.min(toAdd, wantTypists - room.typists);
					// Open in slices of 100 to keep the handshakes bounded; typists first.
					for (let added = 0; added < toAdd; added += 100) {
						const n = Math.min(100, toAdd - added);
						const t = Math.max(0, Math.min(n, newTypists - added));
						failed += (await fleet.open([room], n, t)).failed;
					}
					for (const typing of tenPercent ? [50, size / 10] : [50]) {
						await fleet.typing([{ room, count: typing }]);
						await sleep(1000);
						const begin = await beginMeasure(sut, fleet);
						const w = await fleet.openWindow();
						await sleep(phaseMs);
						const measured = await endFleetMeasure(sut, begin, fleet, w);
						await sleep(1000);
						await fleet.stopTyping();
						const m = await measured();
						const typists = Math.min(typing, room.typists);
						logMeasured(`${room.clients} members, ${typists} typing`, m);
						phases.push({ members: size, typing: typists, m });
						if (drowning(m)) break;
						// Let a backlog drain between phases (bounded), so one phase's overload does not leak into the next.
						await fleet.drain(15_000);
					}
					const last = phases.at(-1)!.m;
					if (drowning(last)) {
						console.log(`    ${serverLabel[kind]} ${last.unresponsive ? 'stopped answering' : 'passed 2 s p99'} at ${size} members: larger sizes not measured`);
						break;
					}
				}
			});
			ctx.report.check('c', `${serverLabel[kind]}: all members synced`, failed === 0, failed ? `${failed} failed` : '');
			await checkFleet(ctx, 'c', kind, fleet, 1, 30_000);
			return phases;
		})
	);
}

/** Hopelessly behind: larger rooms would only be slower, so measuring them just burns minutes. */
const drowning = (m: Measured) => m.unresponsive || !(m.latency.p99 <= 2000);

export async function scenarioC(ctx: Ctx): Promise<void> {
	const all: Partial<Record<ServerKind, PlenaryPhase[]>> = {};
	for (const kind of ctx.servers) all[kind] = await plenary(ctx, kind);
	const keys = new Map<string, { members: number; typing: number }>();
	for (const phases of Object.values(all)) for (const p of phases) keys.set(`${p.members}/${p.typing}`, { members: p.members, typing: p.typing });
	for (const { members, typing } of keys.values()) {
		const values: Partial<Record<ServerKind, number>> = {};
		const notes: Partial<Record<ServerKind, string>> = {};
		for (const [k, phases] of Object.entries(all)) {
			const p = phases.find((x) => x.members === members && x.typing === typing);
			const gaveUp = phases.find((x) => drowning(x.m));
			if (!p && gaveUp && gaveUp.members < members && typing === 50) {
				// Not measured: at least as bad as the smaller room that drowned it (same typists, more members).
				values[k as ServerKind] = gaveUp.m.unresponsive ? Infinity : gaveUp.m.latency.p99;
				notes[k as ServerKind] = gaveUp.m.unresponsive ? `unresponsive from ${gaveUp.members} members` : `lower bound: p99 at ${gaveUp.members} members, larger not measured`;
				continue;
			}
			if (!p) continue;
			values[k as ServerKind] = p.m.latency.p99;
			const n = saturationNote(p.m);
			if (n) notes[k as ServerKind] = n;
		}
		ctx.report.figure({ scenario: 'c', name: `p99, ${members} members, ${typing} typing`, values, format: ms, notes });
	}
	generatorFigure(ctx, 'c', 'busiest load-generator process (CPU), any phase', Object.fromEntries(Object.entries(all).map(([k, p]) => [k, Math.max(...p.map((x) => x.m.generatorCpuShare))])));
	const ours = all.ours;
	if (!ours) return;
	const o50 = ours.find((p) => p.members === 1000 && p.typing === 50);
	const hocus = all.hocus;
	const measured = hocus?.find((p) => p.members === 1000 && p.typing === 50);
	const gaveUp = hocus?.find((p) => drowning(p.m));
	const h50 = measured?.m.latency.p99 ?? (gaveUp ? (gaveUp.m.unresponsive ? Infinity : gaveUp.m.latency.p99) : undefined);
	const how = measured ? '' : gaveUp ? ` (Hocuspocus ${gaveUp.m.unresponsive ? 'unresponsive' : 'p99 > 2 s'} already at ${gaveUp.members} members: a lower bound)` : '';
	if (o50 && h50 !== undefined) ctx.report.target('c', 'p99 at 1,000 members / 50 typing ≤ 0.8× Hocuspocus', o50.m.latency.p99 <= 0.8 * h50, `${ms(o50.m.latency.p99)} vs ${ms(h50)}${how}`);
	const o100 = ours.find((p) => p.members === 1000 && p.typing === 100);
	if (o100) ctx.report.target('c', 'p99 at 1,000 members / 100 typing < 100 ms', o100.m.latency.p99 < 100, ms(o100.m.latency.p99));
}
