// Scenario wall: the projected wall (/editions/<e>/live) left on for an event day, compressed: a real Chromium on the
// production build, its 15 s refresh timer fast-forwarded (Playwright's clock), live pads typing meanwhile and a
// network cut now and then; the page's JS heap after GC, DOM nodes and listeners over time must not grow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { Fleet } from './fleet';
import { type Ctx } from './kit';
import { sleep } from './load';
import { startAppServer } from './search/app-server';
import { buildEdition } from './pages/fixtures';

const REFRESH_MS = 15_000;
const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

type Reading = { refreshes: number; heap: number; nodes: number; listeners: number };

export async function scenarioWall(ctx: Ctx): Promise<void> {
	const hours = option('wall-hours', ctx.quick ? 1 : 8);
	const refreshes = Math.round((hours * 3_600_000) / REFRESH_MS);
	const every = Math.max(10, Math.round(refreshes / 16));
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-bench-wall-'));
	const fixture = await buildEdition({ dataDir, workshops: 60, liveRooms: 12, clientsPerRoom: 4 });
	// LOG_LEVEL info: the « running at » line the bench waits for is an info line.
	const server = await startAppServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, (s) => console.log('  ' + s), process.argv.includes('--reuse-build'));
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
	let fleet: Fleet | null = null;
	try {
		// The wall's lines change: the live pads type (one typist each) through the same server.
		fleet = await Fleet.start(ctx.generators ?? 2, 'y', server.base.replace(/^http/, 'ws'));
		const rooms = fixture.live.map((f) => fleet!.addRoom(f));
		await fleet.open(rooms, 4, 1);
		await fleet.typing(rooms.map((room) => ({ room })), 2);

		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		const host = new URL(server.base).hostname;
		await context.addCookies([{ name: 'ml_session', value: fixture.memberToken, domain: host, path: '/' }]);
		const page = await context.newPage();
		page.on('pageerror', (e) => console.log(`    page error: ${e.message.slice(0, 200)}`));
		page.on('requestfailed', (r) => console.log(`    request failed: ${r.url().slice(0, 120)} ${r.failure()?.errorText ?? ''}`));
		const response = await page.goto(`${server.base}/editions/${fixture.editionId}/live`);
		if (response?.status() !== 200) throw new Error(`the wall answered ${response?.status()}`);
		// Hydrated (its refresh timer set) once the network is idle.
		await page.waitForLoadState('networkidle');
		// The page's own first refresh runs on the real clock; the timer it sets next is the fake clock's, fast-forwarded.
		await page.clock.install();
		await page.waitForResponse((r) => r.url().includes('/live/data'), { timeout: 30_000 });
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const read = async (done: number): Promise<Reading> => {
			await cdp.send('HeapProfiler.collectGarbage');
			const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
			const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
			const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
			return { refreshes: done, heap: usedSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
		};
		const readings: Reading[] = [];
		let cuts = 0;
		let recovered = 0;
		let failedRefreshes = 0;
		const started = performance.now();
		for (let done = 0; done <= refreshes; done++) {
			if (done % every === 0) {
				const r = await read(done);
				readings.push(r);
				console.log(`    ${((done * REFRESH_MS) / 3_600_000).toFixed(1)} h of wall (${done} refreshes): JS heap after GC ${mb(r.heap)}, ${r.nodes} DOM nodes, ${r.listeners} listeners`);
			}
			// A network cut of three rounds every so often: the wall keeps its last state and comes back by itself.
			const cut = done % every === Math.floor(every / 2);
			if (cut) {
				cuts++;
				await context.setOffline(true);
				for (let i = 0; i < 3; i++) await page.clock.runFor(REFRESH_MS);
				await page.getByRole('status').first().waitFor({ timeout: 10_000 });
				await context.setOffline(false);
			}
			const answered = page.waitForResponse((r) => r.url().includes('/live/data'), { timeout: 30_000 });
			await page.clock.runFor(REFRESH_MS);
			const status = (await answered).status();
			if (status !== 200) failedRefreshes++;
			if (cut) recovered++;
			if (done % 50 === 0) await sleep(20); // let the page render between rounds, as it would
		}
		const seconds = (performance.now() - started) / 1000;
		const base = readings[1] ?? readings[0]!; // the first reading is before any refresh: JIT and caches still warming
		const last = readings.at(-1)!;
		const growth = (last.heap - base.heap) / base.heap;
		console.log(`    ${refreshes} refreshes (${hours} h of wall) in ${seconds.toFixed(0)} s; ${cuts} network cuts, recovered from ${recovered}`);
		ctx.report.figure({ scenario: 'wall', name: `page JS heap after GC, after ${base.refreshes} refreshes`, values: { ours: base.heap / 1024 / 1024 }, format: (v) => `${v.toFixed(2)} MB` });
		ctx.report.figure({ scenario: 'wall', name: `page JS heap after GC, after ${last.refreshes} refreshes (${hours} h)`, values: { ours: last.heap / 1024 / 1024 }, format: (v) => `${v.toFixed(2)} MB` });
		ctx.report.figure({ scenario: 'wall', name: 'DOM nodes, first → last reading', values: { ours: last.nodes - base.nodes }, format: (v) => `${v >= 0 ? '+' : ''}${v}` });
		ctx.report.check('wall', 'the wall came back after every network cut', recovered === cuts, `${recovered}/${cuts}`);
		ctx.report.check('wall', 'every refresh answered 200', failedRefreshes === 0, `${failedRefreshes} did not`);
		ctx.report.target('wall', 'page JS heap after GC grows ≤ 10% over the day', growth <= 0.1, `${(growth * 100).toFixed(1)}% (${mb(base.heap)} → ${mb(last.heap)}); listeners ${base.listeners} → ${last.listeners}`);
		await fleet.stopTyping();
	} finally {
		await fleet?.stop().catch(() => undefined);
		await browser.close();
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
