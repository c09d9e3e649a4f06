// The booklet formats of a proceedings version: print HTML, EPUB 3, ODT and DOCX, all from the same chapters.
import type { Readable } from 'node:stream';
import type { ProceedingsView } from '../shared/proceedings-views';
import { documentCss } from './document-export';
import { writeDocx } from './docx';
import { writeEpub } from './epub';
import { absolutiseLinks, type Labels } from './labels';
import { writeOdt } from './odt';
import { proceedingsChapters, proceedingsCitation } from './proceedings-document';

export { toPrintBooklet } from './proceedings-print';

const cite = (view: ProceedingsView, labels: Labels, url: string) => ({
	anchor: 'cite',
	title: labels.t('proceedings.citeThis'),
	html: `<p><cite>${proceedingsCitation(view, labels, url).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}</cite></p>`
});

export function proceedingsEpub(view: ProceedingsView, labels: Labels, origin: string, url: string): Readable {
	const chapters = [...proceedingsChapters(view, labels), cite(view, labels, url)];
	return writeEpub({
		identifier: url,
		title: labels.t('proceedings.titleOf', { edition: view.editionTitle }),
		language: labels.locale,
		// EPUB wants seconds, no fraction: the version's publication instant keeps the file reproducible.
		modified: `${view.publishedAt.slice(0, 19)}Z`,
		rights: view.licenceInfo.name,
		creators: [view.editionTitle],
		css: documentCss,
		chapters: chapters.map((c, i) => ({ id: `chapter-${i + 1}`, title: c.title, xhtmlBody: absolutiseLinks(c.html, origin) }))
	});
}

export function proceedingsOdt(view: ProceedingsView, labels: Labels, origin: string, url: string): Readable {
	const chapters = [...proceedingsChapters(view, labels), cite(view, labels, url)];
	return writeOdt({
		title: labels.t('proceedings.titleOf', { edition: view.editionTitle }),
		subtitle: labels.t('proceedings.version', { version: view.version, date: labels.date(view.publishedAt) }),
		language: labels.locale,
		chapters: chapters.map((c) => ({ title: c.title, html: absolutiseLinks(c.html, origin) }))
	});
}

export function proceedingsDocx(view: ProceedingsView, labels: Labels, origin: string, url: string): Readable {
	const title = labels.t('proceedings.titleOf', { edition: view.editionTitle });
	const chapters = [...proceedingsChapters(view, labels), cite(view, labels, url)];
	return writeDocx({
		title,
		subtitle: labels.t('proceedings.version', { version: view.version, date: labels.date(view.publishedAt) }),
		tocTitle: labels.t('proceedings.toc'),
		description: proceedingsCitation(view, labels, url),
		licence: { name: view.licenceInfo.name, url: view.licenceInfo.url },
		chapters: chapters.map((c) => ({ anchor: c.anchor, title: c.title, html: absolutiseLinks(c.html, origin) }))
	});
}

const bytesOf = async (readable: Readable) => {
	const chunks: Buffer[] = [];
	for await (const chunk of readable) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
};

/** The downloadable booklets as files for the static site, beside its `proceedings.html`. */
export async function bookletFiles(view: ProceedingsView, labels: Labels, origin: string, url: string): Promise<Map<string, Buffer>> {
	const formats = { epub: proceedingsEpub, odt: proceedingsOdt, docx: proceedingsDocx };
	const files = new Map<string, Buffer>();
	for (const [ext, write] of Object.entries(formats)) files.set(`proceedings.${ext}`, await bytesOf(write(view, labels, origin, url)));
	return files;
}
