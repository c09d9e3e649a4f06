// (pages) The pages people open most, on the production build: an edition of 300 workshops, 50 concurrent readers
// on keep-alive connections (programme, a workshop, the archive's edition page, search results) while live
// workshops type through the same server; client-side latency per page, bytes per page, and the typing's latency.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Fleet } from '../fleet';
import { checkFleet, GENERATOR_CPU_LIMIT, generatorFigure, pct, type Ctx } from '../kit';
import { sleep } from '../load';
import { getJson, startAppServer } from '../search/app-server';
import { kb, ms, Samples } from '../stats';
import { buildEdition } from './fixtures';
import { groupCpuMs } from './proc';

const P95_TARGET_MS = 50;
const ARCHIVE_BYTES_TARGET = 100 * 1024;

type Page = { key: string; label: string; url: string; cookie?: string };
type PageResult = { samples: Samples; wireBytes: number; rawBytes: number; encoding: string; statuses: Map<number, number>; serverMs: Samples };

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** One GET on a keep-alive socket, as a browser asks for it (compressed if the server wants): status, time, bytes. */
function get(agent: http.Agent, url: string, cookie?: string): Promise<{ status: number; ms: number; body: Buffer; encoding: string; serverMs: number }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		// --identity: a client that asks for no compression (before/after comparisons on the same build).
		const encodings = process.argv.includes('--identity') ? 'identity' : 'br, gzip';
		const headers: Record<string, string> = { accept: 'text/html', 'accept-encoding': encodings, ...(cookie ? { cookie } : {}) };
		const req = http.get(url, { agent, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				// Server-Timing `dur=` when the app sends it (it does not at the time of writing: then NaN).
				const timing = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
				resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity'), serverMs: timing ? Number(timing[1]) : NaN });
			});
		});
		req.on('error', reject);
		req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
	});
}

const decoded = (body: Buffer, encoding: string) => (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body);

/** `readers` loops, each reading the pages in turn (from a different starting page) until `stop()`. */
function startReaders(pages: Page[], readers: number) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: readers });
	const results = new Map<string, PageResult>(pages.map((p) => [p.key, { samples: new Samples(), wireBytes: NaN, rawBytes: NaN, encoding: '', statuses: new Map(), serverMs: new Samples() }]));
	let recording = false;
	let running = true;
	let errors = 0;
	let firstError = '';
	const loops = Array.from({ length: readers }, async (_, r) => {
		for (let i = r; running; i++) {
			const page = pages[i % pages.length]!;
			try {
				const answer = await get(agent, page.url, page.cookie);
				const result = results.get(page.key)!;
				if (!recording) continue;
				result.samples.add(answer.ms);
				if (Number.isFinite(answer.serverMs)) result.serverMs.add(answer.serverMs);
				result.statuses.set(answer.status, (result.statuses.get(answer.status) ?? 0) + 1);
				if (Number.isNaN(result.rawBytes)) {
					result.wireBytes = answer.body.length;
					result.encoding = answer.encoding;
					result.rawBytes = decoded(answer.body, answer.encoding).length;
				}
			} catch (e) {
				errors++;
				firstError ||= (e as Error).message;
				await sleep(100);
			}
		}
	});
	return {
		results,
		record: () => void (recording = true),
		async stop() {
			recording = false;
			running = false;
			await Promise.all(loops);
			agent.destroy();
			return { errors, firstError };
		}
	};
}

export async function scenarioPages(ctx: Ctx): Promise<void> {
	const liveRooms = option('live-rooms', ctx.quick ? 10 : 30);
	const readers = option('readers', 50);
	const windowMs = option('pages-seconds', ctx.quick ? 8 : 30) * 1000;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-bench-pages-'));
	const log = (s: string) => console.log(s);
	let t = performance.now();
	const fixture = await buildEdition({ dataDir, workshops: 300, liveRooms, clientsPerRoom: 30 });
	log(`    edition of 300 workshops (${liveRooms} live, 30 guests each) written through the domain in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	const server = await startAppServer({ DATA_DIR: dataDir }, (s) => log('  ' + s), process.argv.includes('--reuse-build'));
	let fleet: Fleet | null = null;
	try {
		const cookie = `ml_session=${fixture.memberToken}`;
		t = performance.now();
		let indexed = false;
		while (!indexed && performance.now() - t < 90_000) {
			const { body } = await getJson<{ result: { status: string; total?: number } | null }>(`${server.base}/search/results?q=${fixture.searchWord}`).catch(() => ({ body: null }));
			indexed = body?.result?.status === 'ok' && (body.result.total ?? 0) > 0;
			if (!indexed) await sleep(500);
		}
		log(`    search ${indexed ? `answers with results after ${((performance.now() - t) / 1000).toFixed(1)} s` : 'had no results after 90 s: the search page is measured as it is'}`);

		const e = fixture.editionId;
		const pages: Page[] = [
			{ key: 'programme', label: `programme of the edition (/editions/…, member)`, url: `${server.base}/editions/${e}`, cookie },
			{ key: 'workshop', label: 'a workshop page (member)', url: `${server.base}/editions/${e}/workshops/${fixture.workshopId}`, cookie },
			{ key: 'archive', label: "the archive's edition page (/archive/…)", url: `${server.base}/archive/${e}` },
			{ key: 'search', label: `search results (/search?q=${fixture.searchWord})`, url: `${server.base}/search?q=${fixture.searchWord}` }
		];

		// The live workshops type through the same server meanwhile, from their own generator processes.
		fleet = await Fleet.start(ctx.generators ?? 2, 'y', server.base.replace(/^http/, 'ws'));
		const rooms = fixture.live.map((f) => fleet!.addRoom(f));
		const opened = await fleet.open(rooms, 30, 5);
		ctx.report.check('pages', `MédiaLab: all ${rooms.length * 30} live clients synced`, opened.failed === 0, opened.failed ? `${opened.failed} failed: ${opened.firstError}` : '');
		await fleet.typing(rooms.map((room) => ({ room })));

		// One reader alone first (the typing on): a page's own cost, without the queue 50 readers make.
		const solo = new Map<string, number>();
		const soloAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		for (const page of pages) {
			const each = new Samples();
			for (let i = 0; i < (ctx.quick ? 6 : 20); i++) each.add((await get(soloAgent, page.url, page.cookie)).ms);
			solo.set(page.key, each.summary().p50);
		}
		soloAgent.destroy();

		const reading = startReaders(pages, readers);
		await sleep(2000); // warm-up: sockets open, caches filled
		const cpu0 = { runner: process.cpuUsage(), gens: await fleet.cpu(), app: groupCpuMs(server.pid), at: performance.now() };
		const w = await fleet.openWindow();
		reading.record();
		await sleep(windowMs);
		const { errors, firstError } = await reading.stop();
		await fleet.closeWindow(w);
		const spanMs = performance.now() - cpu0.at;
		const runner = process.cpuUsage(cpu0.runner);
		const gens = (await fleet.cpu()).map((g, i) => (g.user - cpu0.gens[i]!.user + g.system - cpu0.gens[i]!.system) / 1000 / (g.at - cpu0.gens[i]!.at));
		const app = groupCpuMs(server.pid);
		await sleep(1000);
		const typing = await fleet.summary(w);
		await fleet.stopTyping();

		const reads = [...reading.results.values()].reduce((a, r) => a + r.samples.length, 0);
		log(`    ${readers} readers over ${(spanMs / 1000).toFixed(0)} s: ${reads} pages, ${(reads / (spanMs / 1000)).toFixed(1)} pages/s; app server CPU ${pct((app.node - cpu0.app.node) / spanMs)} of a core (Meilisearch ${pct((app.other - cpu0.app.other) / spanMs)}); readers (runner) ${pct((runner.user + runner.system) / 1000 / spanMs)}; generators ${gens.map(pct).join(' ')}`);
		ctx.report.check('pages', 'MédiaLab: every page read without a network error', errors === 0, errors ? `${errors} errors: ${firstError}` : '');
		for (const page of pages) {
			const r = reading.results.get(page.key)!;
			const s = r.samples.summary();
			const statuses = [...r.statuses].map(([code, n]) => `${n}× ${code}`).join(', ');
			const serverTiming = r.serverMs.length ? `; Server-Timing p95 ${ms(r.serverMs.summary().p95)}` : '';
			log(`    ${page.label}: alone p50 ${ms(solo.get(page.key)!)}; with ${readers} readers ${s.count} reads (${statuses}), client latency p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}${serverTiming}; ${kb(r.wireBytes)} on the wire (${r.encoding}), ${kb(r.rawBytes)} of HTML`);
			ctx.report.check('pages', `MédiaLab: ${page.key} page answers 200`, r.statuses.size === 1 && r.statuses.has(200), statuses);
			ctx.report.figure({ scenario: 'pages', name: `${page.key}: latency p50, one reader alone`, values: { ours: solo.get(page.key)! }, format: ms });
			ctx.report.figure({ scenario: 'pages', name: `${page.key}: latency p95, ${readers} readers (client, loopback)`, values: { ours: s.p95 }, format: ms });
			ctx.report.figure({ scenario: 'pages', name: `${page.key}: bytes on the wire (${r.encoding})`, values: { ours: r.wireBytes }, format: kb });
			ctx.report.target('pages', `${page.key} page p95 ≤ ${P95_TARGET_MS} ms (client latency on loopback; the app sends no Server-Timing)`, s.p95 <= P95_TARGET_MS, ms(s.p95));
			if (page.key === 'archive') ctx.report.target('pages', `archive edition page ≤ ${kb(ARCHIVE_BYTES_TARGET)} on the wire`, r.wireBytes <= ARCHIVE_BYTES_TARGET, `${kb(r.wireBytes)} (${r.encoding}; ${kb(r.rawBytes)} of HTML)`);
		}
		const uncompressed = pages.filter((p) => reading.results.get(p.key)!.encoding === 'identity').map((p) => p.key);
		if (uncompressed.length) log(`    sent uncompressed although the readers accept br and gzip: ${uncompressed.join(', ')}`);
		const busiest = Math.max(...gens);
		const l = typing;
		ctx.report.figure({ scenario: 'pages', name: `pages served per second (${readers} readers)`, values: { ours: reads / (spanMs / 1000) }, format: (v) => v.toFixed(1), higherIsBetter: true });
		log(`    meanwhile ${rooms.length} live rooms of 30 typing: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)} over ${l.count} deliveries${l.undelivered ? ` (${l.undelivered} undelivered)` : ''}`);
		ctx.report.figure({ scenario: 'pages', name: `typing p99 meanwhile (${rooms.length} rooms of 30)`, values: { ours: l.p99 }, format: ms });
		generatorFigure(ctx, 'pages', 'busiest load-generator process (CPU)', { ours: busiest });
		if (busiest > GENERATOR_CPU_LIMIT) log(`    a generator passed ${pct(GENERATOR_CPU_LIMIT)} of a core: typing latencies include its own lag`);
		await checkFleet(ctx, 'pages', 'ours', fleet, rooms.length, 20_000);
	} finally {
		await fleet?.stop();
		await server.stop();
		if (!process.argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
