// Renders an edition's kit snapshot into kit files (pure): kit.json, programme.json, README, guides, templates, examples.
import type { GuideKind, KitManifest, KitProgramme } from '../shared/kit-format';
import type { KitFiles } from './kit-files';

export type KitDocument = {
	path: string;
	kind: 'readme' | 'guide' | 'template' | 'asset';
	guideKind: GuideKind | null;
	format: string | null;
	title: string;
	body: string;
};

export type KitSnapshot = {
	manifest: Omit<KitManifest, '$schema' | 'guides' | 'templates' | 'assets' | 'programme'>;
	programme: KitProgramme;
	documents: KitDocument[];
	/** Published deliverables included as examples (examples/<slug>.md). */
	examples: { slug: string; title: string; body: string }[];
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function defaultReadme(snapshot: KitSnapshot, guides: KitDocument[], templates: KitDocument[]): string {
	const m = snapshot.manifest;
	const lines = [`# ${m.title}`, '', m.summary || 'Kit d’organisation d’un événement contributif.', '', `Version ${m.version} — licence ${m.licence}.`, ''];
	if (m.forkedFrom) lines.push(`Ce kit est une adaptation de « ${m.forkedFrom.kit} » ${m.forkedFrom.version}.`, '');
	if (guides.length) lines.push('## Guides', '', ...guides.map((g) => `- [${g.title}](${g.path})`), '');
	if (templates.length) lines.push('## Formats de documentation', '', ...templates.map((t) => `- [${t.title}](${t.path})`), '');
	lines.push('## Programme', '', 'Le squelette du programme (thèmes, parcours, formats, salles, ateliers) est dans [programme.json](programme.json).', '');
	return lines.join('\n');
}

/** Same snapshot in, same files out: entries and keys are written in a fixed order so the zip is reproducible. */
export function renderKit(snapshot: KitSnapshot): KitFiles {
	const documents = [...snapshot.documents].sort(byPath);
	const guides = documents.filter((d) => d.kind === 'guide');
	const templates = documents.filter((d) => d.kind === 'template');
	const assets = documents.filter((d) => d.kind === 'asset');
	const examples = [...snapshot.examples].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
	const m = snapshot.manifest;
	const manifest: KitManifest = {
		$schema: '../kit.schema.json',
		id: m.id,
		title: m.title,
		summary: m.summary,
		version: m.version,
		languages: m.languages,
		licence: m.licence,
		authors: m.authors,
		credits: m.credits,
		forkedFrom: m.forkedFrom,
		changelog: m.changelog,
		guides: guides.map((g) => ({ file: g.path, title: g.title, kind: g.guideKind ?? 'guide' })),
		templates: templates.map((t) => ({ format: t.format as KitManifest['templates'][number]['format'], file: t.path, title: t.title })),
		programme: 'programme.json',
		assets: [...assets.map((a) => ({ file: a.path, title: a.title })), ...examples.map((e) => ({ file: `examples/${e.slug}.md`, title: e.title }))]
	};
	const files: KitFiles = new Map();
	files.set('kit.json', json(manifest));
	files.set('programme.json', json(snapshot.programme));
	const readme = documents.find((d) => d.path === 'README.md');
	if (!readme) files.set('README.md', defaultReadme(snapshot, guides, templates));
	for (const d of documents) files.set(d.path, d.body);
	for (const e of examples) files.set(`examples/${e.slug}.md`, e.body);
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export type Bump = 'major' | 'minor' | 'patch';

/** 1.4.2 + minor -> 1.5.0 (a pre-release suffix is dropped). */
export function bumpVersion(version: string, bump: Bump): string {
	const [major, minor, patch] = version.split(/[.-]/).map(Number) as [number, number, number];
	if (bump === 'major') return `${major + 1}.0.0`;
	if (bump === 'minor') return `${major}.${minor + 1}.0`;
	return `${major}.${minor}.${patch + 1}`;
}

/** A kit id from a title: « NEC Brest 2027 » -> nec-brest-2027. */
export function kitIdFrom(title: string): string {
	const slug = title
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 64)
		.replace(/-+$/, '');
	return slug.length >= 3 ? slug : `kit-${slug || 'edition'}`;
}
