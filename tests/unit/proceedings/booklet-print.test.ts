import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { pagedPolyfill } from '../../../server/exports/paged-polyfill';
import { bookletFiles, toPrintBooklet } from '../../../server/exports/proceedings-booklet';
import { renderStaticSite } from '../../../server/exports/static-site/build';
import { ORIGIN, labelsFr } from '../archive/archive-fixtures';
import { createTestApp } from '../factories';
import { publishedBooklet } from './booklet-fixtures';
import { proceedingsScenario } from './proceedings-fixtures';

describe('print booklet and paged.js', () => {
	it('loads paged.js only when given its address, after the config that marks the end of the layout', async () => {
		const view = await publishedBooklet([], true);
		const served = toPrintBooklet(view, labelsFr, ORIGIN, `${ORIGIN}/x`, 'paged.polyfill.js');
		expect(served).toMatch(/window\.PagedConfig=\{auto:true,after:[^<]*data-paged','done'[^<]*<\/script>\n<script src="paged.polyfill.js" defer><\/script>\n<\/head>/);
		expect(toPrintBooklet(view, labelsFr, ORIGIN, `${ORIGIN}/x`)).not.toContain('<script');
		// Chromium drops a `content` holding leader(), and the page number with it: the TOC asks for target-counter() alone.
		expect(served).toContain('nav.toc a::after{content:target-counter(attr(href),page);');
		expect(served).not.toContain('leader(');
		expect(served).toContain('.chapter>h2{string-set:chapter content(text)}');
	});

	it('serves the installed paged.js polyfill, and puts it beside the static site’s booklet', async () => {
		const code = pagedPolyfill();
		expect(code.length).toBeGreaterThan(100_000);
		expect(code).toContain('PagedConfig');
		expect(pagedPolyfill()).toBe(code);
		const { app } = createTestApp();
		const s = await proceedingsScenario(app);
		app.proceedings.publish(s.organiser, s.edition.id);
		const proceedings = { view: app.proceedings.read(null, s.edition.id), url: `${ORIGIN}/x`, openData: app.proceedings.openData(s.edition.id) };
		const site = renderStaticSite(app.archive.snapshot(s.edition.id), labelsFr, ORIGIN, new Set(), proceedings);
		expect(site.get('proceedings.html')).toContain('<script src="paged.polyfill.js" defer></script>');
		expect(site.get('paged.polyfill.js')).toBe(code);
		// The export route adds the downloadable booklets beside it.
		const booklets = await bookletFiles(proceedings.view, labelsFr, ORIGIN, proceedings.url);
		expect([...booklets.keys()]).toEqual(['proceedings.epub', 'proceedings.odt', 'proceedings.docx']);
		expect(booklets.get('proceedings.epub')!.subarray(30, 58).toString()).toBe('mimetypeapplication/epub+zip');
		expect(booklets.get('proceedings.odt')!.subarray(30, 77).toString()).toBe('mimetypeapplication/vnd.oasis.opendocument.text');
		expect((await mammoth.convertToHtml({ buffer: booklets.get('proceedings.docx')! })).value).toContain('Colophon');
	});
});
