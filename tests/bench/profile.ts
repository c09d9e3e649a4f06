// CPU profiles of the server under test: taken in the child through the inspector for just the measured part,
// mapped back to TypeScript lines (tsx source maps), and summarized as self time per function with its usual callers.
import fs from 'node:fs';
import { findSourceMap } from 'node:module';
import { Session } from 'node:inspector/promises';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

let session: Session | null = null;

export async function startProfiling(): Promise<void> {
	session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 500 });
	await session.post('Profiler.start');
}

/** Stops profiling and writes the profile with positions mapped to the original sources. */
export async function stopProfiling(file: string): Promise<void> {
	if (!session) throw new Error('profiler not started');
	const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
	session.disconnect();
	session = null;
	for (const node of profile.nodes) {
		const frame = node.callFrame;
		if (!frame.url.startsWith('file://')) continue;
		const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalLine?: number; originalColumn?: number } | undefined;
		if (entry?.originalLine !== undefined) {
			frame.lineNumber = entry.originalLine;
			frame.columnNumber = entry.originalColumn ?? 0;
		}
	}
	fs.writeFileSync(file, JSON.stringify(profile));
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/work\/main\//, '');
const label = (f: CallFrame) => `${f.functionName || '(anonymous)'}${f.url ? ` ${shortUrl(f.url)}:${f.lineNumber + 1}` : ''}`;

export function summarizeProfile(file: string, top = 15): string {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const callers = (id: number, depth: number) => {
		const names: string[] = [];
		let p = parent.get(id);
		while (p !== undefined && names.length < depth) {
			const f = byId.get(p)!.callFrame;
			if (f.functionName !== '(root)') names.push(label(f));
			p = parent.get(p);
		}
		return names.join(' ← ');
	};
	const self = new Map<string, { time: number; chains: Map<string, number> }>();
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i]!);
		const dt = profile.timeDeltas[i] ?? 0;
		if (!node) continue;
		total += dt;
		const key = label(node.callFrame);
		const entry = self.get(key) ?? { time: 0, chains: new Map() };
		entry.time += dt;
		const chain = callers(node.id, 3);
		entry.chains.set(chain, (entry.chains.get(chain) ?? 0) + dt);
		self.set(key, entry);
	}
	const idle = self.get('(idle)')?.time ?? 0;
	const busy = total - idle;
	const rows = [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1].time - a[1].time).slice(0, top);
	const lines = [`profiled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)}%); top self time, % of busy [main caller chain]:`];
	for (const [k, v] of rows) {
		const chain = [...v.chains.entries()].sort((a, b) => b[1] - a[1])[0];
		const share = chain ? ` [${((chain[1] / v.time) * 100).toFixed(0)}%: ← ${chain[0] || '—'}]` : '';
		lines.push(`${((v.time / busy) * 100).toFixed(1).padStart(5)}% ${(v.time / 1000).toFixed(0).padStart(6)} ms  ${k}${share}`);
	}
	return lines.join('\n');
}

/** Inclusive time of our own (server/) functions: samples whose stack passes through them, heaviest first. */
export function summarizeInclusive(file: string, top = 12, match = /\/server\//): string {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const inclusive = new Map<string, number>();
	let busy = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i]!);
		if (!node || node.callFrame.functionName === '(idle)') continue;
		const dt = profile.timeDeltas[i] ?? 0;
		busy += dt;
		const seen = new Set<string>();
		for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
			const f = byId.get(id)!.callFrame;
			if (!match.test(f.url)) continue;
			const key = label(f);
			if (seen.has(key)) continue;
			seen.add(key);
			inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
		}
	}
	return [...inclusive.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([k, v]) => `${((v / busy) * 100).toFixed(1).padStart(5)}% ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
		.join('\n');
}

/** Self time summed per source file (where the CPU goes by module). */
export function summarizeByFile(file: string, top = 12): string {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const perFile = new Map<string, number>();
	let busy = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const f = byId.get(profile.samples[i]!)?.callFrame;
		if (!f || f.functionName === '(idle)') continue;
		const dt = profile.timeDeltas[i] ?? 0;
		busy += dt;
		const key = f.url ? shortUrl(f.url).replace(/\/[^/]*$/, '/…') + ` (${shortUrl(f.url).split('/').pop()})` : `[${f.functionName}]`;
		perFile.set(key, (perFile.get(key) ?? 0) + dt);
	}
	return [...perFile.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([k, v]) => `${((v / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
		.join('\n');
}

// `npx tsx tests/bench/profile.ts file.cpuprofile [top]` summarizes a saved profile.
if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
	console.log(summarizeProfile(process.argv[2], Number(process.argv[3]) || 25));
	console.log('\nby file:\n' + summarizeByFile(process.argv[2]));
	console.log('\ninclusive, server/ functions:\n' + summarizeInclusive(process.argv[2]));
}
