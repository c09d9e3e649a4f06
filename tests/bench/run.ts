// `npm run bench [-- a b … | soak | pages] [--quick] [--profile] [--servers=ours,yws,hocus] [--generators=N] [--storm=2000,5000]`: drives our real-time server
// (SQLite persistence and session auth on) and two in-memory reference servers with the same load, on this
// machine and in this run, then prints every figure, its ratio to the better reference, and PASS/FAIL checks.
import { type Ctx } from './kit';
import { scenarioChat } from './scenarios-chat';
import { scenarioPages } from './pages/scenario';
import { scenarioSoak } from './scenario-soak';
import { scenarioD, scenarioE, scenarioF } from './scenarios-other';
import { scenarioA, scenarioB, scenarioC, scenarioG } from './scenarios-typing';
import { Report, type ServerKind } from './stats';

/** `optIn`: run only when named (they start the production build, or last minutes on their own). */
const scenarios: Record<string, { title: string; run: (ctx: Ctx) => Promise<void>; optIn?: boolean }> = {
	a: { title: 'an event: 30 rooms × 30 clients, 5 typists each at 5 keystrokes/s', run: scenarioA },
	b: { title: 'many workshops: rooms of 30 added until p99 passes 100 ms', run: scenarioB },
	c: { title: 'a plenary: one room from 400 to 1,000 members, 50 and 10% typing', run: scenarioC },
	d: { title: 'a connect storm: 2,000 clients over 100 rooms, with auth', run: scenarioD },
	e: { title: 'cold join of a pad with 200,000 operations of history', run: scenarioE },
	f: { title: 'memory per idle open room', run: scenarioF },
	g: { title: 'collaboration carets: an awareness update per keystroke on (a)', run: scenarioG },
	chat: { title: 'the workshop chat: 30 rooms × 30 participants, 1 message/s per room, stock y-websocket clients', run: scenarioChat },
	soak: { title: 'an event day compressed: rooms open and close, people come and go, our memory after every slot', run: scenarioSoak, optIn: true },
	pages: { title: 'the pages people open most: 50 readers on the production build, an edition of 300 workshops, while 30 rooms type', run: scenarioPages, optIn: true }
};

async function main() {
	const args = process.argv.slice(2);
	const flags = new Set(args.filter((a) => a.startsWith('--')));
	const chosen = args.filter((a) => !a.startsWith('-')).map((a) => a.toLowerCase());
	const unknown = chosen.filter((c) => !scenarios[c]);
	if (unknown.length) {
		console.error(`unknown scenario(s): ${unknown.join(', ')}; choose among ${Object.keys(scenarios).join(' ')}`);
		process.exit(2);
	}
	const serversFlag = args.find((a) => a.startsWith('--servers='));
	const servers = (serversFlag ? serversFlag.slice('--servers='.length).split(',') : ['ours', 'yws', 'hocus']) as ServerKind[];
	const generatorsFlag = args.find((a) => a.startsWith('--generators='));
	const generators = generatorsFlag ? Number(generatorsFlag.slice('--generators='.length)) : undefined;
	if (generators !== undefined && !(Number.isInteger(generators) && generators >= 1 && generators <= 16)) {
		console.error('--generators=N: N is a whole number from 1 to 16');
		process.exit(2);
	}
	const stormFlag = args.find((a) => a.startsWith('--storm='));
	const storms = stormFlag ? stormFlag.slice('--storm='.length).split(',').map(Number) : undefined;
	if (storms?.some((n) => !(Number.isInteger(n) && n >= 100 && n <= 20_000))) {
		console.error('--storm=N[,M]: whole numbers of clients from 100 to 20,000');
		process.exit(2);
	}
	const ctx: Ctx = { quick: flags.has('--quick'), profile: flags.has('--profile'), servers, generators, storms, report: new Report(), memo: new Map() };
	const list = chosen.length ? chosen : Object.keys(scenarios).filter((k) => !scenarios[k]!.optIn);
	const started = performance.now();
	console.log(`MédiaLab real-time bench${ctx.quick ? ' (--quick: shortened smoke run)' : ''}: scenarios ${list.join(' ')}; servers ${servers.join(', ')}; Node ${process.version}`);
	// Nothing here may run forever: a hard ceiling on the whole run (and on every child), longer by a long soak.
	const soakMinutes = list.includes('soak') ? Number(args.find((a) => a.startsWith('--soak-minutes='))?.split('=')[1] ?? 4) : 0;
	const ceilingMinutes = 30 + (Number.isFinite(soakMinutes) ? soakMinutes : 0);
	process.env.BENCH_CHILD_MAX_MS ??= String((ceilingMinutes - 10) * 60_000);
	const ceiling = setTimeout(() => {
		console.error(`bench exceeded ${ceilingMinutes} minutes; aborting`);
		process.exit(3);
	}, ceilingMinutes * 60_000);
	ceiling.unref();
	for (const key of list) {
		const s = scenarios[key]!;
		const t = performance.now();
		console.log(`\n(${key}) ${s.title}`);
		try {
			await s.run(ctx);
		} catch (e) {
			ctx.report.check(key, 'scenario ran to completion', false, (e as Error).message.split('\n')[0]!);
			console.error(e);
		}
		console.log(`  (${key}) took ${((performance.now() - t) / 1000).toFixed(0)} s`);
	}
	ctx.report.print();
	console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
	// Reference servers may legitimately drown under some loads; the exit code speaks for ours (and the bench itself).
	const failed = ctx.report.checks.some((c) => !c.pass && !c.name.startsWith('y-websocket-server') && !c.name.startsWith('Hocuspocus'));
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
