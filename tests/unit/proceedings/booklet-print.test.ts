import { describe, expect, it } from 'vitest';
import { pagedPolyfill } from '../../../server/exports/paged-polyfill';
import { toPrintBooklet } from '../../../server/exports/proceedings-booklet';
import { ORIGIN, labelsFr } from '../archive/archive-fixtures';
import { publishedBooklet } from './booklet-fixtures';

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

	it('serves the installed paged.js polyfill', () => {
		const code = pagedPolyfill();
		expect(code.length).toBeGreaterThan(100_000);
		expect(code).toContain('PagedConfig');
		expect(pagedPolyfill()).toBe(code);
	});
});
