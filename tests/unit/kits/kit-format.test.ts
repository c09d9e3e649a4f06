import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownTemplateDocument, templateMarkdown } from '../../../server/domain/pads/templates';
import { KitError, readKitFolder } from '../../../server/kits/kit-files';
import { renderKitMarkdown } from '../../../server/kits/kit-markdown';
import { bumpVersion, kitIdFrom, renderKit } from '../../../server/kits/kit-render';
import { kitSchemaText } from '../../../server/shared/kit-format';
import { validateKit } from '../../../server/kits/kit-validate';
import { buildLineage, renderLineageSvg } from '../../../server/kits/lineage';
import { messageItemsText } from '$lib/server/error-text';

const kitsRoot = path.resolve('kits');
const builtInKits = fs.readdirSync(kitsRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('the kit format', () => {
	it('ships a kits/kit.schema.json generated from the zod schema (run `npm run kits:check -- --write` after changing it)', () => {
		expect(fs.readFileSync(path.join(kitsRoot, 'kit.schema.json'), 'utf8')).toBe(kitSchemaText());
	});

	it.each(builtInKits)('built-in kit %s validates, and its id is its folder name', (name) => {
		let kit;
		try {
			kit = validateKit(readKitFolder(path.join(kitsRoot, name)));
		} catch (e) {
			throw new Error(e instanceof KitError ? `kits/${name} is not valid:\n${messageItemsText(e.problems, 'en').join('\n')}` : String(e));
		}
		expect(kit.manifest.id).toBe(name);
		// Every template is a Markdown pad template with at least one section.
		for (const t of kit.manifest.templates) {
			const doc = markdownTemplateDocument(kit.files.get(t.file)!);
			expect(doc.content.some((n) => (n as { type: string }).type === 'heading'), t.file).toBe(true);
		}
	});

	it('turns a Markdown template into a pad document: headings, prompts as attributes of empty paragraphs, a quoted note, lists', () => {
		const doc = markdownTemplateDocument('# Titre\n\n> Note **importante**\n\n## Liens\n\nVoir [le site](https://lamednum.coop) ou [ceci](javascript:alert(1)).\n\n1. un\n2. deux\n');
		expect(doc).toEqual({
			type: 'doc',
			content: [
				{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Note ' }, { type: 'text', text: 'importante', marks: [{ type: 'bold' }] }] }] },
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Liens' }] },
				{ type: 'paragraph', attrs: { prompt: 'Voir le site ou ceci.' } },
				{
					type: 'orderedList',
					content: [
						{ type: 'listItem', content: [{ type: 'paragraph', attrs: { prompt: 'un' } }] },
						{ type: 'listItem', content: [{ type: 'paragraph', attrs: { prompt: 'deux' } }] }
					]
				}
			]
		});
		expect(markdownTemplateDocument('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
		expect(templateMarkdown('masterclass')).toMatch(/^## Objectifs d’apprentissage\n\nÀ la fin de la séance/);
		expect(templateMarkdown('karaoke')).toBeNull();
	});

	it('renders guides as HTML with raw HTML escaped, unsafe links dropped and checklists as text', () => {
		const html = renderKitMarkdown('# Titre\n\n<script>alert(1)</script>\n\n- [ ] réserver\n- [x] inviter\n\n[a](javascript:alert(1)) [b](https://lamednum.coop) <img src=x onerror=alert(1)>', { headingShift: 1 });
		expect(html).toBe(
			'<h2>Titre</h2>\n&lt;script&gt;alert(1)&lt;/script&gt;<ul>\n<li>☐ réserver</li>\n<li>☑ inviter</li>\n</ul>\n' +
				'<p>a <a href="https://lamednum.coop" rel="noopener nofollow">b</a> &lt;img src=x onerror=alert(1)&gt;</p>\n'
		);
	});

	it('bumps semver versions and derives kit ids from titles', () => {
		expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
		expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
		expect(bumpVersion('1.4.2-rc.1', 'major')).toBe('2.0.0');
		expect(kitIdFrom('NEC Brest 2027')).toBe('nec-brest-2027');
		expect(kitIdFrom('Numérique en Commun[s] — La Réunion')).toBe('numerique-en-commun-s-la-reunion');
		expect(kitIdFrom('É')).toBe('kit-e');
	});

	it('renders the same files in the same order whatever order the documents come in', () => {
		const snapshot = {
			manifest: { id: 'k-1', title: 'K', summary: '', version: '1.0.0', languages: ['fr'], licence: 'etalab-2.0' as const, authors: [], credits: [], forkedFrom: null, changelog: [] },
			programme: { themes: [], tracks: [], formats: [], roomTypes: [], roles: [], timeline: [], rooms: [], workshops: [] },
			documents: [
				{ path: 'guides/02-b.md', kind: 'guide' as const, guideKind: 'charter' as const, format: null, title: 'B', body: 'b' },
				{ path: 'guides/01-a.md', kind: 'guide' as const, guideKind: 'guide' as const, format: null, title: 'A', body: 'a' }
			],
			examples: [{ slug: 'grille', title: 'Grille', body: '# Grille' }]
		};
		const files = renderKit(snapshot);
		expect([...files.keys()]).toEqual(['README.md', 'examples/grille.md', 'guides/01-a.md', 'guides/02-b.md', 'kit.json', 'programme.json']);
		expect(renderKit({ ...snapshot, documents: [...snapshot.documents].reverse() })).toEqual(files);
		expect(validateKit(files).manifest.assets).toEqual([{ file: 'examples/grille.md', title: 'Grille' }]);
	});

	it('draws a lineage as an accessible SVG, escaping every label', () => {
		const lineage = buildLineage('b', {
			upstreamOf: (id) => (id === 'b' ? 'a' : null),
			describeKit: (id) => ({ label: id === 'a' ? 'Kit <A> & co' : id, versions: ['1.0.0'], href: null }),
			forksOf: (id) => (id === 'a' ? [{ editionId: 'e1', title: 'Brest "2027"', detail: 'Brest · 2027', ownKitId: 'b', published: true }] : [])
		});
		const svg = renderLineageSvg(lineage, { title: 'Famille <du> kit', desc: 'Deux kits' });
		expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="lineage-title lineage-desc"/);
		expect(svg).toContain('<title id="lineage-title">Famille &lt;du&gt; kit</title>');
		expect(svg).toContain('Kit &lt;A&gt; &amp; co');
		expect(svg).toContain('Brest &quot;2027&quot;');
		expect(svg).not.toContain('<A>');
		expect((svg.match(/class="edge"/g) ?? []).length).toBe(2);
		expect(lineage.rootId).toBe('kit:a');
	});

	it('never cuts a lineage label without giving the whole name as the node’s title', () => {
		const long = 'Numérique en communs, édition des Hauts-de-France <2027>';
		const lineage = buildLineage('a', { upstreamOf: () => null, describeKit: () => ({ label: long, versions: ['1.0.0'], href: null }), forksOf: () => [] });
		const svg = renderLineageSvg(lineage, { title: 'Famille', desc: 'Un kit' });
		expect(svg).toContain('Numérique en communs,…');
		expect(svg).toContain(`<title>Numérique en communs, édition des Hauts-de-France &lt;2027&gt; — a 1.0.0</title>`);
		const short = renderLineageSvg(buildLineage('a', { upstreamOf: () => null, describeKit: () => ({ label: 'Kit', versions: ['1.0.0'], href: null }), forksOf: () => [] }), { title: 'F', desc: 'U' });
		expect(short).not.toContain('<title>');
	});
});
