// The static site's page shell and link helpers: every link is relative, so the site works opened from disk.
import { escapeHtml as esc, type Labels } from '../labels';

export type SitePage = { path: string; title: string; body: string };

/** Pages live at the root or one folder down. */
export const depthOf = (path: string) => path.split('/').length - 1;
export const rel = (from: string, to: string) => '../'.repeat(depthOf(from)) + to;

export const paths = {
	index: 'index.html',
	figures: 'figures.html',
	css: 'style.css',
	workshop: (id: string) => `workshops/${id}.html`,
	deliverable: (id: string) => `deliverables/${id}.html`,
	version: (id: string, version: number) => `deliverables/${id}-v${version}.html`,
	markdown: (id: string, version: number) => `deliverables/${id}-v${version}.md`,
	theme: (id: string) => `themes/${id}.html`,
	track: (id: string) => `tracks/${id}.html`,
	data: (file: string) => `data/${file}`,
	/** A drive file shown in a deliverable (an image), copied into the site so it shows offline. */
	file: (id: string) => `files/${id}`
};

export function renderPage(page: SitePage, editionTitle: string, labels: Labels): string {
	const { t } = labels;
	const link = (to: string, text: string) => `<a href="${rel(page.path, to)}">${esc(text)}</a>`;
	return `<!doctype html>
<html lang="${labels.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} · ${esc(editionTitle)}</title>
<link rel="stylesheet" href="${rel(page.path, paths.css)}">
</head>
<body>
<a class="skip" href="#main">${esc(t('nav.skip'))}</a>
<header class="site">
<p>${esc(editionTitle)} · ${esc(t('archive.title'))}</p>
<nav aria-label="${esc(t('archive.editionNav'))}">
<ul>
<li>${link(paths.index, t('archive.programme'))}</li>
<li>${link(paths.figures, t('archive.figures'))}</li>
<li>${link(paths.data('open-data.json'), t('archive.openData'))}</li>
</ul>
</nav>
</header>
<main id="main">
${page.body}
</main>
<footer class="site"><p>${esc(t('archive.staticFooter'))}</p></footer>
</body>
</html>
`;
}
