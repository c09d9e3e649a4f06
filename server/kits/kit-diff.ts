// What a fork changed from its upstream kit (pure): by module, file by file, changed lines with their changed words.
import { diffWordsWithSpace, structuredPatch } from 'diff';
import { normaliseThemeLabel, themeKey } from '../shared/themes';
import type { KitFiles } from './kit-files';
import { manifestSchema, programmeSchema } from '../shared/kit-format';
import { kitModules, type DiffLine, type DiffWord, type FileDiff, type KitModule, type ModuleDiff } from '../shared/kit-views';

export type { DiffLine, FileDiff, ModuleDiff };

/** Long files would make a heavy page: each file shows at most this many diff lines. */
const MAX_LINES_PER_FILE = 400;

export function diffKits(upstream: KitFiles, fork: KitFiles): FileDiff[] {
	const paths = [...new Set([...upstream.keys(), ...fork.keys()])].sort();
	const programmeFile = programmeFileOf(fork) ?? programmeFileOf(upstream) ?? 'programme.json';
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
			return { header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, lines: withChangedWords(lines) };
		});
		out.push({ path, module: moduleOf(path, programmeFile), status: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', added, removed, hunks: hunks.filter((h) => h.lines.length > 0) });
	}
	return out;
}

function programmeFileOf(files: KitFiles): string | null {
	try {
		const manifest: unknown = JSON.parse(files.get('kit.json') ?? 'null');
		const name = (manifest as { programme?: unknown } | null)?.programme;
		return typeof name === 'string' ? name : null;
	} catch {
		return null; // a manifest that does not parse names no programme: the usual name stands
	}
}

/** Which part of the kit a file is: the manifest names the programme file, every other part has its folder. */
export function moduleOf(path: string, programmeFile = 'programme.json'): KitModule {
	if (path === 'kit.json') return 'manifest';
	if (path === programmeFile) return 'programme';
	if (/^README(\.[a-z]{2})?\.md$/i.test(path)) return 'readme';
	const folder = path.split('/')[0];
	return folder === 'guides' || folder === 'templates' || folder === 'assets' || folder === 'examples' ? folder : 'other';
}

/** Files grouped by module, in the order the kit page shows its modules; modules without a change are left out. */
export function byModule(files: FileDiff[]): ModuleDiff[] {
	return kitModules
		.map((module) => {
			const of = files.filter((f) => f.module === module);
			return { module, files: of, added: of.reduce((n, f) => n + f.added, 0), removed: of.reduce((n, f) => n + f.removed, 0) };
		})
		.filter((m) => m.files.length > 0);
}

/** Below this share of unchanged characters, two lines are different lines, not one line edited: no word highlighting. */
const MIN_SHARED = 0.4;

/**
 * A run of removed lines followed by a run of added ones is an edit: the i-th removed line pairs with the i-th added
 * one, and each gets the words that changed, so a reader sees « Contexte [du territoire → brestois] », not two lines.
 */
export function withChangedWords(lines: DiffLine[]): DiffLine[] {
	const out = lines.map((l) => ({ ...l }));
	for (let i = 0; i < out.length; ) {
		if (out[i]!.type !== 'remove') {
			i++;
			continue;
		}
		let j = i;
		while (j < out.length && out[j]!.type === 'remove') j++;
		let k = j;
		while (k < out.length && out[k]!.type === 'add') k++;
		for (let n = 0; n < Math.min(j - i, k - j); n++) pairWords(out[i + n]!, out[j + n]!);
		i = k;
	}
	return out;
}

function pairWords(removed: DiffLine, added: DiffLine) {
	const parts = diffWordsWithSpace(removed.text, added.text);
	const shared = parts.filter((p) => !p.added && !p.removed && p.value.trim() !== '').reduce((n, p) => n + p.value.length, 0);
	if (shared < MIN_SHARED * Math.max(removed.text.length, added.text.length)) return;
	const side = (keep: 'add' | 'remove'): DiffWord[] =>
		parts.flatMap((p): DiffWord[] => {
			if (!p.added && !p.removed) return [{ type: 'same', text: p.value }];
			if (!((p.added && keep === 'add') || (p.removed && keep === 'remove'))) return [];
			// Spaces around a changed run stay plain: only words are marked.
			const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.value) ?? [];
			return [before && { type: 'same' as const, text: before }, core && { type: keep, text: core }, after && { type: 'same' as const, text: after }].filter((w): w is DiffWord => !!w);
		});
	removed.words = side('remove');
	added.words = side('add');
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
