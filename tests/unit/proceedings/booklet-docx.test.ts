import { XMLValidator } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { proceedingsDocx } from '../../../server/exports/proceedings-booklet';
import type { ProceedingsView } from '../../../server/shared/proceedings-views';
import { exportLabels } from '../../../src/lib/components/archive/export-labels';
import { ORIGIN, labelsFr } from '../archive/archive-fixtures';
import { readStream, unzip } from '../exports/unzip';
import { publishedBooklet } from './booklet-fixtures';

const URL_V1 = `${ORIGIN}/archive/e/proceedings/v/1`;

describe('proceedings booklet as DOCX', () => {
	let view: ProceedingsView;
	let zip: Buffer;
	let files: Map<string, { text: string }>;
	beforeAll(async () => {
		view = await publishedBooklet();
		zip = await readStream(proceedingsDocx(view, labelsFr, ORIGIN, URL_V1));
		files = await unzip(zip);
	});

	it('is a well-formed WordprocessingML package: content types, document, styles, header, footer, core properties', () => {
		for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml', 'docProps/custom.xml']) {
			expect(files.has(name), name).toBe(true);
			expect(XMLValidator.validate(files.get(name)!.text), name).toBe(true);
		}
		const core = files.get('docProps/core.xml')!.text;
		expect(core).toContain('<dc:title>Actes de ');
		expect(files.get('docProps/custom.xml')!.text).toContain('Creative Commons');
		const headers = [...files.keys()].filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => files.get(n)!.text);
		expect(headers.join('')).toContain('Actes de ');
		const footers = [...files.keys()].filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => files.get(n)!.text);
		expect(footers.join('')).toMatch(/PAGE/);
	});

	it('carries a TOC field over the headings, chapter titles as Heading 1 with bookmarks, and asks Word to update fields', () => {
		const doc = files.get('word/document.xml')!.text;
		expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;</);
		// Entries are written from the headings too, so readers that do not compute fields still show the outline.
		expect(doc).toMatch(/<w:instrText[^>]*>PAGEREF _Toc\d+ \\h</);
		// Quotes (the citation and a Markdown blockquote) take the Quote style.
		expect(doc).toMatch(/<w:pStyle w:val="Quote"\/>(?:(?!<\/w:p>)[\s\S])*Certains veulent une licence unique/);
		expect(doc).toMatch(/<w:pStyle w:val="Quote"\/>(?:(?!<\/w:p>)[\s\S])*Une voix/);
		expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:bookmarkStart[^>]*w:name="colophon"/);
		expect(files.get('word/settings.xml')!.text).toMatch(/<w:updateFields( w:val="true")?\/>/);
	});

	it('reads back with mammoth: headings, the quote, links, marks, nested bullets, credits, licence and the « citer » block', async () => {
		const html = (await mammoth.convertToHtml({ buffer: zip })).value.replace(/<a id="[^"]*"><\/a>/g, '');
		for (const title of ['Introduction', 'Synthèses par thème', 'Colophon', 'Citer ces actes']) expect(html).toContain(`<h1>${title}</h1>`);
		expect(html).toContain('<h2>Les communs &amp; nous</h2>');
		expect(html).toContain('<h3>Convergences</h3>');
		expect(html).toContain('<strong>grille</strong>');
		expect(html).toContain('<em>partagée</em>');
		expect(html).toContain('Certains veulent une licence unique');
		expect(html).toContain('<a href="https://example.org/wiki?x=1&amp;y=2">le wiki</a>');
		expect(html).toContain(`<a href="${ORIGIN}/archive">la page</a>`);
		expect(html).toContain('<a href="https://example.org/v?a=1&amp;b=2">Vidéo « communs »</a>');
		expect(html).toMatch(/<ul><li>un<ul><li>un et demi<\/li><\/ul><\/li><li>deux<\/li><\/ul>/);
		expect(html).toContain('<p>a &lt; b</p>');
		expect(html).toContain('Dana Design');
		expect(html).toContain('Creative Commons');
		expect(html).toContain(URL_V1);
	});

	it('speaks the reader’s language', async () => {
		const html = (await mammoth.convertToHtml({ buffer: await readStream(proceedingsDocx(view, exportLabels('en'), ORIGIN, URL_V1)) })).value.replace(/<a id="[^"]*"><\/a>/g, '');
		expect(html).toContain('Proceedings of ');
		expect(html).toContain('<h1>Colophon</h1>');
	});
});
