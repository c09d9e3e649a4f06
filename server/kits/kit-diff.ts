// What a fork changed from its upstream kit, file by file (pure): added, removed, changed with line hunks.
import { structuredPatch } from 'diff';
import { normaliseThemeLabel, themeKey } from '../shared/themes';
import type { KitFiles } from './kit-files';
import { manifestSchema, programmeSchema } from '../shared/kit-format';
import type { DiffLine, FileDiff } from '../shared/kit-views';

export type { DiffLine, FileDiff };


/** Long files would make a heavy page: each file shows at most this many diff lines. */
const MAX_LINES_PER_FILE = 400;

export function diffKits(upstream: KitFiles, fork: KitFiles): FileDiff[] {
	const paths = [...new Set([...upstream.keys(), ...fork.keys()])].sort();
	const out: FileDiff[] = [];
	for (const path of paths) {
		const before = upstream.get(path);
		const after = fork.get(path);
		if (before === after) continue;
		const patch = structuredPatch(path, path, before ?? '', after ?? '', '', '', { context: 3 });
		let budget = MAX_LINES_PER_FILE;
		let added = 0;
		let removed = 0;
		const hunks = patch.hunks.map((h) => {
			const lines: DiffLine[] = [];
			for (const line of h.lines) {
				const type = line[0] === '+' ? 'add' : line[0] === '-' ? 'remove' : line[0] === ' ' ? 'context' : null;
				if (!type) continue;
				if (type === 'add') added++;
				if (type === 'remove') removed++;
				if (budget-- > 0) lines.push({ type, text: line.slice(1) });
			}
			return { header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, lines };
		});
		out.push({ path, status: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', added, removed, hunks: hunks.filter((h) => h.lines.length > 0) });
	}
	return out;
}

/** Hand-written JSON differs from ours in spacing and key order: both sides are compared as the schema writes them. */
export function canonicalKitFiles(files: KitFiles): KitFiles {
	const out = new Map(files);
	const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
	const manifest = manifestSchema.safeParse(JSON.parse(files.get('kit.json') ?? 'null'));
	if (manifest.success) out.set('kit.json', json(manifest.data));
	const programme = programmeSchema.safeParse(JSON.parse(files.get('programme.json') ?? 'null'));
	if (programme.success) {
		// The app writes themes as #tags and workshops name them by their label: « inclusion » is « #Inclusion numérique ».
		const p = programme.data;
		const labelOf = new Map(p.themes.flatMap((t) => [t.label, ...t.aliases].map((name) => [themeKey(name), normaliseThemeLabel(t.label)] as const)));
		const themes = p.themes.map((t) => ({ label: normaliseThemeLabel(t.label), aliases: t.aliases.map(normaliseThemeLabel) }));
		// …and lists workshops by time then title, each one's themes in the themes' order.
		const rank = new Map(themes.map((t, i) => [t.label, i]));
		const byTime = (a: { day: number; start: string; title: string }, b: typeof a) =>
			a.day - b.day || (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
		const workshops = [...p.workshops].sort(byTime).map((w) => ({
			...w,
			themes: w.themes.map((name) => labelOf.get(themeKey(name)) ?? name).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
		}));
		out.set('programme.json', json({ ...p, themes, workshops }));
	}
	return out;
}
