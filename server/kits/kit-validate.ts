// Validates a kit's files against the format: manifest and programme schemas, referenced files, cross-references.
import type { z } from 'zod';
import { themeKey } from '../shared/themes';
import { KitError, unsafePathReason, type KitFiles } from './kit-files';
import { issuePath, manifestSchema, programmeSchema, type KitManifest, type KitProgramme } from '../shared/kit-format';

export type Kit = { manifest: KitManifest; programme: KitProgramme; files: KitFiles };

function parseJson<S extends z.ZodType>(files: KitFiles, file: string, schema: S, problems: string[]): z.output<S> | null {
	const body = files.get(file);
	if (body === undefined) {
		problems.push(`${file}: missing`);
		return null;
	}
	let raw: unknown;
	try {
		raw = JSON.parse(body);
	} catch (e) {
		problems.push(`${file}: not valid JSON (${(e as Error).message})`);
		return null;
	}
	const result = schema.safeParse(raw);
	if (result.success) return result.data;
	for (const issue of result.error.issues) problems.push(`${file}: ${issuePath(issue.path)}: ${issue.message}`);
	return null;
}

function checkReferences(manifest: KitManifest, files: KitFiles, problems: string[]) {
	const need = (field: string, file: string) => {
		if (!files.has(file)) problems.push(`kit.json: ${field}: file « ${file} » is missing from the kit`);
	};
	manifest.guides.forEach((g, i) => need(`guides[${i}].file`, g.file));
	manifest.templates.forEach((t, i) => need(`templates[${i}].file`, t.file));
	manifest.assets.forEach((a, i) => need(`assets[${i}].file`, a.file));
	const seen = new Set<string>();
	manifest.templates.forEach((t, i) => {
		if (seen.has(t.format)) problems.push(`kit.json: templates[${i}].format: « ${t.format} » has two templates`);
		seen.add(t.format);
	});
	if (manifest.forkedFrom && manifest.forkedFrom.kit === manifest.id && manifest.forkedFrom.version === manifest.version) {
		problems.push('kit.json: forkedFrom: a kit cannot be forked from itself');
	}
}

/** `templates` is null when the manifest itself is invalid: the programme is still checked on its own. */
function checkProgramme(p: KitProgramme, file: string, templates: Set<string> | null, problems: string[]) {
	const at = (field: string, message: string) => problems.push(`${file}: ${field}: ${message}`);
	const themeNames = new Map<string, string>();
	p.themes.forEach((t, i) => {
		for (const name of [t.label, ...t.aliases]) {
			const owner = themeNames.get(themeKey(name));
			if (owner !== undefined && owner !== t.label) at(`themes[${i}]`, `« ${name} » already names theme « ${owner} »`);
			else if (owner === t.label && name === t.label) at(`themes[${i}].label`, `« ${name} » is listed twice`);
			themeNames.set(themeKey(name), t.label);
		}
	});
	const unique = (list: string[], field: string) => {
		const seen = new Set<string>();
		list.forEach((value, i) => {
			if (seen.has(value)) at(`${field}[${i}]`, `« ${value} » is listed twice`);
			seen.add(value);
		});
	};
	unique(p.tracks.map((t) => t.label), 'tracks');
	unique(p.formats.map((f) => f.key), 'formats');
	unique(p.rooms.map((r) => r.label), 'rooms');
	unique(p.roomTypes.map((r) => r.key), 'roomTypes');
	p.formats.forEach((f, i) => {
		if (f.template && templates && !templates.has(f.template)) at(`formats[${i}].template`, `no template « ${f.template} » in kit.json templates`);
	});
	const roomTypes = new Set(p.roomTypes.map((r) => r.key));
	p.rooms.forEach((r, i) => {
		if (r.type && !roomTypes.has(r.type)) at(`rooms[${i}].type`, `unknown room type « ${r.type} »`);
	});
	const tracks = new Set(p.tracks.map((t) => t.label));
	const rooms = new Set(p.rooms.map((r) => r.label));
	p.workshops.forEach((w, i) => {
		if (w.track && !tracks.has(w.track)) at(`workshops[${i}].track`, `unknown track « ${w.track} »`);
		if (w.room && !rooms.has(w.room)) at(`workshops[${i}].room`, `unknown room « ${w.room} »`);
		w.themes.forEach((name, j) => {
			if (!themeNames.has(themeKey(name))) at(`workshops[${i}].themes[${j}]`, `unknown theme « ${name} »`);
		});
		if (w.end <= w.start) at(`workshops[${i}].end`, 'must be after start');
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
	const problems: string[] = [];
	const manifest = parseJson(files, 'kit.json', manifestSchema, problems);
	if (!files.has('kit.json')) throw new KitError(problems);
	if (manifest) checkReferences(manifest, files, problems);
	const file = manifest?.programme ?? rawProgrammePath(files);
	const programme = files.has(file)
		? parseJson(files, file, programmeSchema, problems)
		: (problems.push(`kit.json: programme: file « ${file} » is missing from the kit`), null);
	if (programme) checkProgramme(programme, file, manifest ? new Set(manifest.templates.map((t) => t.format)) : null, problems);
	if (problems.length > 0 || !programme || !manifest) throw new KitError(problems);
	return { manifest, programme, files };
}
