// Validates a kit's files against the format: manifest and programme schemas, referenced files, cross-references.
import type { z } from 'zod';
import { themeKey } from '../shared/themes';
import { KitError, kitProblem, unsafePathReason, type KitFiles, type KitProblem } from './kit-files';
import { issuePath, manifestSchema, programmeSchema, type KitManifest, type KitProgramme } from '../shared/kit-format';

export type Kit = { manifest: KitManifest; programme: KitProgramme; files: KitFiles };

/** A zod issue as a message key: the schema's own key for a pattern (`error.kit.field.semver`), else one per issue code. */
export function issueProblem(file: string, issue: z.core.$ZodIssue): KitProblem {
	const at = { file, field: issuePath(issue.path) };
	const field = (key: string, params: Record<string, string | number> = {}): KitProblem => ({ key: `error.kit.field.${key}`, params: { ...at, ...params } });
	if (issue.message.startsWith('error.kit.field.')) return { key: issue.message, params: at };
	switch (issue.code) {
		case 'invalid_type':
			if (issue.expected === 'int') return field('notInteger');
			return issue.input === undefined ? field('required') : field('wrongType', { expected: issue.expected });
		case 'too_small':
			if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? field('empty') : field('tooShort', { min: Number(issue.minimum) });
			return issue.origin === 'array' ? field('tooFewItems', { min: Number(issue.minimum) }) : field('tooSmall', { min: Number(issue.minimum) });
		case 'too_big':
			if (issue.origin === 'string') return field('tooLong', { max: Number(issue.maximum) });
			return issue.origin === 'array' ? field('tooManyItems', { max: Number(issue.maximum) }) : field('tooBig', { max: Number(issue.maximum) });
		case 'invalid_value':
			return field('oneOf', { values: issue.values.map(String).join(', ') });
		case 'unrecognized_keys':
			return field('unknownKeys', { keys: issue.keys.join(', ') });
		default:
			return field('invalid');
	}
}

function parseJson<S extends z.ZodType>(files: KitFiles, file: string, schema: S, problems: KitProblem[]): z.output<S> | null {
	const body = files.get(file);
	if (body === undefined) {
		problems.push(kitProblem('missing', { file }));
		return null;
	}
	let raw: unknown;
	try {
		raw = JSON.parse(body);
	} catch (e) {
		problems.push(kitProblem('notJson', { file, reason: (e as Error).message }));
		return null;
	}
	const result = schema.safeParse(raw);
	if (result.success) return result.data;
	for (const issue of result.error.issues) problems.push(issueProblem(file, issue));
	return null;
}

function checkReferences(manifest: KitManifest, files: KitFiles, problems: KitProblem[]) {
	const need = (field: string, file: string) => {
		if (!files.has(file)) problems.push(kitProblem('fileMissing', { file: 'kit.json', field, path: file }));
	};
	manifest.guides.forEach((g, i) => need(`guides[${i}].file`, g.file));
	manifest.templates.forEach((t, i) => need(`templates[${i}].file`, t.file));
	manifest.assets.forEach((a, i) => need(`assets[${i}].file`, a.file));
	const seen = new Set<string>();
	manifest.templates.forEach((t, i) => {
		if (seen.has(t.format)) problems.push(kitProblem('twoTemplates', { file: 'kit.json', field: `templates[${i}].format`, value: t.format }));
		seen.add(t.format);
	});
	if (manifest.forkedFrom && manifest.forkedFrom.kit === manifest.id && manifest.forkedFrom.version === manifest.version) {
		problems.push(kitProblem('forkedFromItself', { file: 'kit.json', field: 'forkedFrom' }));
	}
}

/** `templates` is null when the manifest itself is invalid: the programme is still checked on its own. */
function checkProgramme(p: KitProgramme, file: string, templates: Set<string> | null, problems: KitProblem[]) {
	const at = (field: string, key: string, params: Record<string, string> = {}) => problems.push(kitProblem(key, { file, field, ...params }));
	const themeNames = new Map<string, string>();
	p.themes.forEach((t, i) => {
		for (const name of [t.label, ...t.aliases]) {
			const owner = themeNames.get(themeKey(name));
			if (owner !== undefined && owner !== t.label) at(`themes[${i}]`, 'alreadyNamesTheme', { value: name, theme: owner });
			else if (owner === t.label && name === t.label) at(`themes[${i}].label`, 'listedTwice', { value: name });
			themeNames.set(themeKey(name), t.label);
		}
	});
	const unique = (list: string[], field: string) => {
		const seen = new Set<string>();
		list.forEach((value, i) => {
			if (seen.has(value)) at(`${field}[${i}]`, 'listedTwice', { value });
			seen.add(value);
		});
	};
	unique(p.tracks.map((t) => t.label), 'tracks');
	unique(p.formats.map((f) => f.key), 'formats');
	unique(p.rooms.map((r) => r.label), 'rooms');
	unique(p.roomTypes.map((r) => r.key), 'roomTypes');
	p.formats.forEach((f, i) => {
		if (f.template && templates && !templates.has(f.template)) at(`formats[${i}].template`, 'unknownTemplate', { value: f.template });
	});
	const roomTypes = new Set(p.roomTypes.map((r) => r.key));
	p.rooms.forEach((r, i) => {
		if (r.type && !roomTypes.has(r.type)) at(`rooms[${i}].type`, 'unknownRoomType', { value: r.type });
	});
	const tracks = new Set(p.tracks.map((t) => t.label));
	const rooms = new Set(p.rooms.map((r) => r.label));
	p.workshops.forEach((w, i) => {
		if (w.track && !tracks.has(w.track)) at(`workshops[${i}].track`, 'unknownTrack', { value: w.track });
		if (w.room && !rooms.has(w.room)) at(`workshops[${i}].room`, 'unknownRoom', { value: w.room });
		w.themes.forEach((name, j) => {
			if (!themeNames.has(themeKey(name))) at(`workshops[${i}].themes[${j}]`, 'unknownTheme', { value: name });
		});
		if (w.end <= w.start) at(`workshops[${i}].end`, 'endBeforeStart');
	});
}

/** Where an invalid manifest says the programme is, so its problems are listed too. */
function rawProgrammePath(files: KitFiles): string {
	try {
		const raw = JSON.parse(files.get('kit.json')!) as { programme?: unknown };
		return typeof raw.programme === 'string' && !unsafePathReason(raw.programme) ? raw.programme : 'programme.json';
	} catch {
		return 'programme.json';
	}
}

/** Every problem at once, so whoever wrote the kit by hand can fix them all in one pass. */
export function validateKit(files: KitFiles): Kit {
	const problems: KitProblem[] = [];
	const manifest = parseJson(files, 'kit.json', manifestSchema, problems);
	if (!files.has('kit.json')) throw new KitError(problems);
	if (manifest) checkReferences(manifest, files, problems);
	const file = manifest?.programme ?? rawProgrammePath(files);
	const programme = files.has(file)
		? parseJson(files, file, programmeSchema, problems)
		: (problems.push(kitProblem('fileMissing', { file: 'kit.json', field: 'programme', path: file })), null);
	if (programme) checkProgramme(programme, file, manifest ? new Set(manifest.templates.map((t) => t.format)) : null, problems);
	if (problems.length > 0 || !programme || !manifest) throw new KitError(problems);
	return { manifest, programme, files };
}
