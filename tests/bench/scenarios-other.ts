// Connection and storage scenarios: (d) a connect storm, (e) a cold join of a long history, (f) memory per idle room.
import * as Y from 'yjs';
import { firstLine, sharedLine, SimClient, type ClientSink } from './client';
import { beginMeasure, checkRooms, endMeasure, logMeasured, profiled, wireOf, withServer, type Ctx } from './kit';
import { openRooms, Recorder, RoomLoad, sleep, syncAll, Typing, Window } from './load';
import { cpuMs, type ServerHandle } from './server-handle';
import { kb, ms, Samples, serverLabel, type ServerKind } from './stats';

const noSink: ClientSink = { onSynced: () => undefined, onUpdate: () => undefined, onAwareness: () => undefined };

const us = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} µs` : 'n/a');

type StormResult = { total: number; p99: number; cpuPerClientUs: number };

/** Opens every client of `loads` at once; time until the last is synced, and our server's CPU per connection. */
async function storm(ctx: Ctx, kind: ServerKind, sut: ServerHandle, loads: RoomLoad[], perRoom: number, label: string): Promise<StormResult> {
	const before = await sut.stats();
	const { t0, clients, r } = await profiled(ctx, sut, 'd', async () => {
		const t0 = performance.now();
		const clients = loads.flatMap((l) => l.add(perRoom, 0));
		return { t0, clients, r: await syncAll(clients, 60_000) };
	});
	const after = await sut.stats();
	const synced = clients.filter((c) => c.syncedAt >= 0);
	const total = Math.max(...synced.map((c) => c.syncedAt)) - t0;
	const each = new Samples();
	for (const c of synced) each.add(c.syncedAt - c.startedAt);
	const s = each.summary();
	const cpuPerClientUs = (cpuMs(before, after) * 1000) / clients.length;
	console.log(`    ${label}: ${clients.length} clients all synced after ${total.toFixed(0)} ms; per client p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms; server CPU ${cpuPerClientUs.toFixed(0)} µs per connection`);
	ctx.report.check('d', `${serverLabel[kind]}: all ${clients.length} clients synced (${label})`, r.failed === 0, r.failed ? `${r.failed} failed: ${r.firstError}` : '');
	return { total: r.failed === 0 ? total : Infinity, p99: s.p99, cpuPerClientUs };
}

/**
 * (d) N clients (2,000 unless `--storm=2000,5000`) over 100 rooms connect at once; time until every one is synced.
 * Then they all leave and come back with the same sessions at once (the venue Wi-Fi returning).
 */
export async function scenarioD(ctx: Ctx): Promise<void> {
	const rooms = 100;
	for (const size of ctx.storms ?? [ctx.quick ? 1000 : 2000]) {
		const perRoom = Math.ceil(size / rooms);
		const results: Partial<Record<ServerKind, { first: StormResult; again: StormResult }>> = {};
		for (const kind of ctx.servers) {
			await withServer(ctx, kind, 'd', async (sut) => {
				const recorder = new Recorder();
				const fixtures = await sut.fixtures(rooms, perRoom);
				const loadsOf = () => fixtures.map((fixture) => new RoomLoad({ wire: wireOf(kind), base: sut.base, fixture, recorder }));
				await sleep(500);
				const firstLoads = loadsOf();
				const first = await storm(ctx, kind, sut, firstLoads, perRoom, 'first arrival');
				for (const l of firstLoads) l.closeAll();
				await sleep(300);
				const againLoads = loadsOf();
				const again = await storm(ctx, kind, sut, againLoads, perRoom, 'reconnection');
				for (const l of againLoads) l.closeAll();
				results[kind] = { first, again };
			});
		}
		const pick = (f: (r: { first: StormResult; again: StormResult }) => number) => Object.fromEntries(Object.entries(results).map(([k, r]) => [k, f(r)]));
		const n = rooms * perRoom;
		ctx.report.figure({ scenario: 'd', name: `connect storm: ${n} clients all synced`, values: pick((r) => r.first.total), format: ms });
		ctx.report.figure({ scenario: 'd', name: `connect storm ${n}: per-client connect→synced p99`, values: pick((r) => r.first.p99), format: ms });
		ctx.report.figure({ scenario: 'd', name: `connect storm ${n}: server CPU per connection`, values: pick((r) => r.first.cpuPerClientUs), format: us });
		ctx.report.figure({ scenario: 'd', name: `reconnection storm: ${n} clients all synced`, values: pick((r) => r.again.total), format: ms });
		ctx.report.figure({ scenario: 'd', name: `reconnection storm ${n}: server CPU per connection`, values: pick((r) => r.again.cpuPerClientUs), format: us });
		const refs = (['yws', 'hocus'] as const).map((k) => results[k]).filter((v) => v !== undefined);
		const ours = results.ours;
		if (ours && refs.length) {
			const better = Math.min(...refs.map((r) => r.first.total));
			ctx.report.target('d', `storm of ${n} (with auth) all synced no later than better reference`, ours.first.total <= better, `${ms(ours.first.total)} vs ${ms(better)}`);
			const betterAgain = Math.min(...refs.map((r) => r.again.total));
			ctx.report.target('d', `reconnection of ${n} no later than better reference`, ours.again.total <= betterAgain, `${ms(ours.again.total)} vs ${ms(betterAgain)}`);
		}
	}
}

/** A pad history: typing bursts at random places and some backspacing, by 100 successive sessions (client ids). */
type History = { updates: Uint8Array[]; text: string; marks: { client: number; clock: number }[] };

/** `marks[k]`: the last inserted (client, clock) once the first 200·(k+1) updates are applied, to pace the writer on the server's echo. */
function buildHistory(ops: number): History {
	let seed = 42;
	const rand = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const text = sharedLine(doc); // the shared paragraph is the history's first update
	const words = 'la prise de notes collective pendant un atelier contributif produit un document partagé '.split('');
	const marks: History['marks'] = [];
	let last = { client: 0, clock: 0 };
	let n = 0;
	const step = () => {
		n++;
		if (n % 200 === 0 || n === ops) marks.push(last);
	};
	while (n < ops) {
		if (n > 0 && n % Math.ceil(ops / 100) === 0) doc.clientID = Math.floor(rand() * 2 ** 31) + 1;
		if (text.length > 50 && rand() < 0.15) {
			const k = 1 + Math.floor(rand() * 9);
			let pos = k + Math.floor(rand() * (text.length - k));
			for (let i = 0; i < k && n < ops; i++, step()) text.delete(--pos, 1);
		} else {
			const burst = 5 + Math.floor(rand() * 35);
			const pos = Math.floor(rand() * (text.length + 1));
			for (let i = 0; i < burst && n < ops; i++, step()) {
				text.insert(pos + i, words[(n + i) % words.length]!);
				last = { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
			}
		}
	}
	return { updates, text: text.toString(), marks };
}

type JoinResult = { prepMs: number; joins: number[]; baselineP99: number; duringP99: number; duringMax: number; contentOk: boolean; cold: boolean };

/** (e) Cold join of a pad with a long history, while another room is typing. */
export async function scenarioE(ctx: Ctx): Promise<void> {
	const ops = ctx.quick ? 20_000 : 200_000;
	const t0 = performance.now();
	const history = buildHistory(ops);
	console.log(`    history: ${ops} operations, ${history.updates.length} updates, ${history.text.length} characters, built in ${(performance.now() - t0).toFixed(0)} ms`);
	const results: Partial<Record<ServerKind, JoinResult>> = {};
	for (const kind of ctx.servers) {
		try {
			results[kind] = await withServer(ctx, kind, 'e', (sut) => coldJoin(ctx, kind, sut, history, ctx.quick ? 1 : 3), { idleUnloadMs: 300 });
		} catch (e) {
			ctx.report.check('e', `${serverLabel[kind]}: scenario ran to completion`, false, (e as Error).message.split('\n')[0]!);
		}
	}
	const pick = (f: (r: JoinResult) => number) => Object.fromEntries(Object.entries(results).map(([k, r]) => [k, f(r)]));
	const notes = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.cold ? 'from SQLite' : 'in memory: no storage']));
	ctx.report.figure({ scenario: 'e', name: `join of a ${ops / 1000}k-op pad, worst of ${ctx.quick ? 1 : 3}`, values: pick((r) => Math.max(...r.joins)), format: ms, notes });
	ctx.report.figure({ scenario: 'e', name: 'other room p99 before the join', values: pick((r) => r.baselineP99), format: ms });
	ctx.report.figure({ scenario: 'e', name: 'other room p99 during the join', values: pick((r) => r.duringP99), format: ms });
	ctx.report.figure({ scenario: 'e', name: 'other room max during the join', values: pick((r) => r.duringMax), format: ms });
	const ours = results.ours;
	if (ours) {
		ctx.report.target('e', `cold join of ${ops / 1000}k-op pad from storage ≤ 100 ms`, Math.max(...ours.joins) <= 100, ours.joins.map((j) => ms(j)).join(', '));
		ctx.report.target('e', 'other room not blocked during the join (p99 ≤ 100 ms)', ours.duringP99 <= 100, `p99 ${ms(ours.duringP99)}, max ${ms(ours.duringMax)} (before: p99 ${ms(ours.baselineP99)})`);
	}
}

async function coldJoin(ctx: Ctx, kind: ServerKind, sut: ServerHandle, history: History, repeats: number): Promise<JoinResult> {
	const [historyRoom, activeRoom] = await sut.fixtures(2, 30);
	const client = (i: number, role: 'observer' | 'receiver', sink = noSink) =>
		new SimClient({ url: sut.base + historyRoom!.path, wire: wireOf(kind), docName: historyRoom!.name, token: historyRoom!.tokens[i]!, role, sink, tracked: false });

	// Write the history through a real client, 200 updates at a time, never more than 2,000 ahead of what the
	// server has echoed back (every server here echoes updates to their sender): like many clients typing, not one
	// client dumping megabytes at once. Then a probe (a warm join, not measured) proves the server holds all of it.
	const prepStart = performance.now();
	const echoed = new Map<number, number>();
	const writer = client(0, 'receiver', {
		...noSink,
		onUpdate: (_c, update) => {
			for (const [id, clock] of Y.parseUpdateMeta(update).to) if (clock > (echoed.get(id) ?? 0)) echoed.set(id, clock);
		}
	});
	await writer.whenSynced();
	const prep = await beginMeasure(sut);
	await profiled(ctx, sut, 'e-write', async () => {
		const deadline = performance.now() + 300_000;
		for (let i = 0, k = 0; i < history.updates.length; i += 200, k++) {
			const mark = history.marks[k - 10];
			while (mark && (echoed.get(mark.client) ?? 0) < mark.clock) {
				if (performance.now() > deadline || writer.closed) throw new Error(`the server stopped echoing the history after ${i} updates (${writer.closeInfo})`);
				await sleep(1);
			}
			for (const u of history.updates.slice(i, i + 200)) writer.sendUpdate(u);
		}
	});
	const written = await endMeasure(sut, prep, new Window(prep.at), () => undefined);
	const probe = client(1, 'observer');
	const probeJoined = await Promise.race([probe.whenSynced().then(() => true, () => false), sleep(120_000).then(() => false)]);
	const deadline = performance.now() + 180_000;
	while (probeJoined && probe.text!.toString() !== history.text && performance.now() < deadline) await sleep(50);
	const stored = probeJoined && probe.text!.toString() === history.text;
	if (!probeJoined) console.log(`    the probe could not join: ${probe.closeInfo || 'timeout'}`);
	probe.close();
	const prepMs = performance.now() - prepStart;
	const wm = written();
	console.log(
		`    history written in ${(prepMs / 1000).toFixed(1)} s; server holds it: ${stored}; while writing: server CPU ${(wm.serverCpuShare * 100).toFixed(0)}%, ` +
			`event-loop delay p99 ${wm.loopDelayP99.toFixed(0)} ms, max ${wm.loopDelayMax.toFixed(0)} ms` +
			(wm.extra.sqliteTx !== undefined ? `; SQLite ${wm.extra.sqliteTx} transactions, ${wm.extra.sqliteTxMs!.toFixed(0)} ms, max ${wm.extra.sqliteTxMax!.toFixed(0)} ms` : '')
	);
	// Our server stores and unloads the room; the references keep it in memory only while someone is connected.
	const cold = kind === 'ours';
	if (cold) writer.close();

	const recorder = new Recorder();
	const active = new RoomLoad({ wire: wireOf(kind), base: sut.base, fixture: activeRoom!, recorder });
	await openRooms([active], 30, 5);
	const typing = new Typing(5, false);
	typing.active = [{ room: active, typists: active.typistList() }];
	typing.start();
	await sleep(1500);
	const begin = await beginMeasure(sut);
	const w = recorder.open();
	await sleep(3000);
	const baseline = (await endMeasure(sut, begin, w, () => recorder.close(w)))();

	const joins: number[] = [];
	let duringP99 = 0;
	let duringMax = 0;
	let contentOk = stored;
	await profiled(ctx, sut, 'e', async () => {
		for (let j = 0; j < repeats; j++) {
			if (cold && !(await unloaded(sut, historyRoom!.name))) throw new Error('history room never unloaded');
			// Applying a multi-megabyte state takes the generator's event loop a while: the joiner keeps what it
			// receives and applies it after the window, so that only the server's own blocking shows in the other room.
			const kept: Uint8Array[] = [];
			const joiner = client(2 + j, 'receiver', { ...noSink, onUpdate: (_c, update) => void kept.push(update.slice()) });
			const begin = await beginMeasure(sut);
			const w = recorder.open();
			await Promise.race([joiner.whenSynced().catch(() => undefined), sleep(60_000)]);
			const joinMs = joiner.syncedAt >= 0 ? joiner.syncedAt - joiner.startedAt : Infinity;
			await sleep(300);
			const m = (await endMeasure(sut, begin, w, () => recorder.close(w)))();
			await sleep(1000);
			const doc = new Y.Doc();
			for (const u of kept) Y.applyUpdate(doc, u);
			contentOk &&= firstLine(doc) === history.text;
			logMeasured(`join ${j + 1}: ${ms(joinMs)}${cold ? ' (cold, from SQLite)' : ' (in memory)'}${joiner.closeInfo ? ` [${joiner.closeInfo}]` : ''}; other room`, m);
			joins.push(joinMs);
			duringP99 = Math.max(duringP99, m.latency.p99);
			duringMax = Math.max(duringMax, m.latency.max);
			joiner.close();
		}
	});
	typing.stop();
	ctx.report.check('e', `${serverLabel[kind]}: joined document equals the ${history.updates.length}-update history`, contentOk);
	await checkRooms(ctx, 'e', kind, [active], 15_000);
	active.closeAll();
	writer.close();
	return { prepMs, joins, baselineP99: baseline.latency.p99, duringP99, duringMax, contentOk, cold };
}

async function unloaded(sut: ServerHandle, room: string): Promise<boolean> {
	const until = performance.now() + 30_000;
	while ((await sut.roomLoaded(room)) && performance.now() < until) await sleep(100);
	return !(await sut.roomLoaded(room));
}

/** (f) Memory per idle open room: N rooms, each with one idle client and a small document, over a warmed-up baseline. */
export async function scenarioF(ctx: Ctx): Promise<void> {
	const n = ctx.quick ? 200 : 500;
	// Lazily compiled code and first-use buffers are paid once: open some rooms before the baseline.
	const warm = ctx.quick ? 50 : 100;
	const perRoom: Partial<Record<ServerKind, number>> = {};
	const heapPerRoom: Partial<Record<ServerKind, number>> = {};
	for (const kind of ctx.servers) {
		await withServer(ctx, kind, 'f', async (sut) => {
			const recorder = new Recorder();
			const loads = (await sut.fixtures(warm + n, 1)).map((fixture) => new RoomLoad({ wire: wireOf(kind), base: sut.base, fixture, recorder }));
			const open = async (rooms: RoomLoad[]) => {
				const opened = await openRooms(rooms, 1, 1, { observer: false });
				for (const room of rooms) for (const t of room.typistList()) for (let i = 0; i < 20; i++) room.keystroke(t, false);
				await sleep(1500);
				return opened.failed;
			};
			// RSS stays inflated for a few seconds after activity (V8 and malloc hand pages back lazily): read it idle.
			let failed = await open(loads.slice(0, warm));
			await sleep(5000);
			const before = await sut.gcStats();
			failed += await open(loads.slice(warm));
			await sleep(5000);
			const after = await sut.gcStats();
			let loaded = 0;
			for (const room of loads.slice(-20)) if (await sut.roomLoaded(room.name)) loaded++;
			perRoom[kind] = (after.rss - before.rss) / n;
			heapPerRoom[kind] = (after.heapUsed + after.external - before.heapUsed - before.external) / n;
			console.log(`    ${warm} → ${warm + n} rooms: RSS ${(before.rss / 1048576).toFixed(1)} → ${(after.rss / 1048576).toFixed(1)} MB, ${kb(perRoom[kind]!)} per room; JS heap + external ${kb(heapPerRoom[kind]!)} per room`);
			ctx.report.check('f', `${serverLabel[kind]}: ${warm + n} rooms open and in memory`, failed === 0 && loaded === 20, `${failed} failed to open; ${loaded}/20 sampled rooms in memory`);
			for (const l of loads) l.closeAll();
		});
	}
	ctx.report.figure({ scenario: 'f', name: 'RSS per idle open room (after GC)', values: perRoom, format: kb });
	ctx.report.figure({ scenario: 'f', name: 'JS heap + external per idle open room', values: heapPerRoom, format: kb });
	if (perRoom.ours !== undefined) {
		// RSS after GC is still noisy by a few KB per room: judge on the larger of the two deltas.
		const worst = Math.max(perRoom.ours, heapPerRoom.ours ?? 0);
		ctx.report.target('f', 'memory per idle open room ≤ 20 KB (larger of RSS and heap+external deltas)', worst <= 20 * 1024, `RSS ${kb(perRoom.ours)}, heap+external ${kb(heapPerRoom.ours ?? NaN)}`);
	}
}
