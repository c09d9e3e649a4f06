// Scenario desk: the MédiaLab desk during (a)'s 30×30 typing, with 60 live workshops: the server CPU the desk's pages
// cost (windows with and without them, alternated) and the time from an edit or a help request to a desk page.
import { checkFleet, pct, withFleet, withServer, type Ctx } from './kit';
import { sleep } from './load';
import { cpuMs } from './server-handle';
import type { DeskTake } from './servers/ours-desk';
import { ms, Samples } from './stats';

/** Facilitators' phones and the desk screen: pages open on the desk at once. */
const DESK_PAGES = 10;
const LIVE_WORKSHOPS = 60;

export async function scenarioDesk(ctx: Ctx): Promise<void> {
	if (!ctx.servers.includes('ours')) return console.log('  (desk) measures our server only; skipped');
	const rooms = ctx.quick ? 10 : 30;
	const windowMs = ctx.quick ? 6000 : 15_000;
	const rounds = ctx.quick ? 1 : 2;
	await withServer(ctx, 'ours', 'desk', (sut) =>
		withFleet(ctx, sut, 2, async (fleet) => {
			const loads = (await sut.fixtures(rooms, 30)).map((fixture) => fleet.addRoom(fixture));
			const live = await sut.desk<number>({ action: 'setup', idleWorkshops: LIVE_WORKSHOPS - rooms });
			console.log(`    ${live} live workshops: ${rooms} rooms of 30 typing, ${LIVE_WORKSHOPS - rooms} quiet ones receiving the probes`);
			const opened = await fleet.open(loads, 30, 5);
			ctx.report.check('desk', `MédiaLab: all ${rooms * 30} clients synced`, opened.failed === 0, opened.failed ? `${opened.failed} failed: ${opened.firstError}` : '');
			await fleet.typing(loads.map((room) => ({ room })), 5, false);
			// One probe a second, in both kinds of window: an edit in a quiet workshop's pad, or a help request from it.
			await sut.desk({ action: 'probes', on: true });
			await sleep(2000);

			const cpu = { off: [] as number[], on: [] as number[] };
			const edit = new Samples();
			const help = new Samples();
			let boards = 0;
			let boardMs = 0;
			for (let round = 0; round < rounds; round++) {
				for (const withDesk of [false, true]) {
					if (withDesk) await sut.desk({ action: 'subscribe', pages: DESK_PAGES });
					await sleep(1500);
					await sut.desk({ action: 'take' });
					const a = await sut.stats();
					await sleep(windowMs);
					const b = await sut.stats();
					const take = await sut.desk<DeskTake>({ action: 'take' });
					if (withDesk) await sut.desk({ action: 'unsubscribe' });
					const share = cpuMs(a, b) / (b.at - a.at);
					(withDesk ? cpu.on : cpu.off).push(share);
					if (withDesk) {
						for (const v of take.edit) edit.add(v);
						for (const v of take.help) help.add(v);
						boards += take.boards;
						boardMs += take.boardMs;
					}
					console.log(
						`    round ${round + 1}, ${withDesk ? `${DESK_PAGES} desk pages` : 'no desk page'}: server CPU ${pct(share)} of a core` +
							(withDesk ? `; ${take.boards} board reloads (${(take.boardMs / Math.max(1, take.boards)).toFixed(1)} ms each); edit → desk ${take.edit.length} samples, help → desk ${take.help.length}` : '')
					);
				}
			}
			await sut.desk({ action: 'probes', on: false });
			await fleet.stopTyping();
			await checkFleet(ctx, 'desk', 'ours', fleet, loads.length, 20_000);

			const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
			const off = mean(cpu.off);
			const on = mean(cpu.on);
			const extra = (on - off) / off;
			const editSummary = edit.summary();
			const helpSummary = help.summary();
			console.log(`    edit → desk p50 ${ms(editSummary.p50)}, p95 ${ms(editSummary.p95)}, max ${ms(editSummary.max)}; help → desk p50 ${ms(helpSummary.p50)}, p95 ${ms(helpSummary.p95)}, max ${ms(helpSummary.max)}`);
			ctx.report.figure({ scenario: 'desk', name: 'server CPU without desk pages', values: { ours: off }, format: pct });
			ctx.report.figure({ scenario: 'desk', name: `server CPU with ${DESK_PAGES} desk pages`, values: { ours: on }, format: pct });
			ctx.report.figure({ scenario: 'desk', name: 'board reload (server time)', values: { ours: boardMs / Math.max(1, boards) }, format: ms });
			ctx.report.figure({ scenario: 'desk', name: 'edit → desk p95', values: { ours: editSummary.p95 }, format: ms });
			ctx.report.figure({ scenario: 'desk', name: 'help request → desk p95', values: { ours: helpSummary.p95 }, format: ms });
			ctx.report.check('desk', 'every probe reached every desk page', editSummary.count > 0 && helpSummary.count > 0, `${editSummary.count} edit and ${helpSummary.count} help samples`);
			ctx.report.target('desk', 'extra server CPU with the desk ≤ 5%', extra <= 0.05, `${(extra * 100).toFixed(1)}% (${pct(on)} vs ${pct(off)} of a core)`);
			ctx.report.target('desk', 'edit and help request → desk p95 ≤ 2 s', Math.max(editSummary.p95, helpSummary.p95) <= 2000, `${ms(editSummary.p95)} and ${ms(helpSummary.p95)}`);
		})
	);
}
