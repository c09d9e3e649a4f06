// A kit as its pages show it (pure): the manifest, README and guides as safe HTML, templates, the programme skeleton.
import { renderKitMarkdown } from './kit-markdown';
import type { Kit } from './kit-validate';

/** A guide's own « # Title » is dropped: the page shows the manifest's title as its heading. */
const withoutTitle = (markdown: string) => markdown.replace(/^\s*#\s+[^\n]*\n/, '');

/** The page anchor of a kit file shown on the kit page. */
export const docAnchor = (file: string) => `doc-${file.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function kitView(kit: Kit) {
	// Links between kit files (README -> guides/…) jump to that file on the page.
	const resolveLink = (href: string) => {
		const file = href.replace(/^\.\//, '').split('#')[0]!;
		return kit.files.has(file) && file !== 'kit.json' ? `#${docAnchor(file)}` : null;
	};
	const html = (file: string) => renderKitMarkdown(withoutTitle(kit.files.get(file) ?? ''), { headingShift: 2, resolveLink });
	const m = kit.manifest;
	return {
		manifest: { ...m, $schema: undefined },
		readme: kit.files.has('README.md') ? renderKitMarkdown(withoutTitle(kit.files.get('README.md')!), { headingShift: 1, resolveLink }) : '',
		guides: m.guides.map((g) => ({ ...g, anchor: docAnchor(g.file), html: html(g.file) })),
		templates: m.templates.map((t) => ({ ...t, anchor: docAnchor(t.file), html: html(t.file) })),
		programme: kit.programme
	};
}
export type KitView = ReturnType<typeof kitView>;
