import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchQueryString } from '../../../src/lib/components/search/search-params';
import { formatHitDate, safeHitUrl } from '../../../src/lib/components/search/search-labels';
import { safeSnippetHtml, snippetText } from '../../../src/lib/components/search/snippet';

describe('snippets re-escaped in the browser', () => {
	it('keeps escaped text and <mark> as the server meant them', () => {
		expect(safeSnippetHtml('l’<mark>inclusion</mark> &amp; les &lt;communs&gt;')).toBe('l’<mark>inclusion</mark> &amp; les &lt;communs&gt;');
		expect(snippetText('l’<mark>inclusion</mark> &amp; co')).toBe('l’inclusion & co');
	});

	it('turns any other markup into text, even if the server forgot to escape it', () => {
		const html = safeSnippetHtml('<img src=x onerror=alert(1)><mark>data</mark><script>x</script>');
		expect(html).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>data</mark>&lt;script&gt;x&lt;/script&gt;');
		expect(safeSnippetHtml('<mark onclick="x">a</mark>')).toBe('&lt;mark onclick=&quot;x&quot;&gt;a');
	});

	it('balances <mark> tags', () => {
		expect(safeSnippetHtml('<mark><mark>a</mark></mark> <mark>b')).toBe('<mark>a</mark> <mark>b</mark>');
		expect(safeSnippetHtml('a</mark>b')).toBe('ab');
	});
});

describe('the search URL', () => {
	it('reads words, repeated facet values and the page', () => {
		const { input, problems } = parseSearchParams(new URLSearchParams('q=+tiers-lieux+&type=pad&type=chat&year=2018&page=3'));
		expect(problems).toEqual([]);
		expect(input).toEqual({ q: 'tiers-lieux', filters: { type: ['pad', 'chat'], year: ['2018'] }, page: 3 });
		expect(searchQueryString(input)).toBe('?q=tiers-lieux&type=pad&type=chat&year=2018&page=3');
	});

	it('names each refused field and still runs the rest of the search', () => {
		const { input, problems } = parseSearchParams(new URLSearchParams(`q=${'a'.repeat(250)}&type=poster&year=18&page=zero&theme=inclusion`));
		expect(problems).toEqual(
			expect.arrayContaining([
				{ field: 'q', reason: 'tooLong' },
				{ field: 'type', reason: 'invalid' },
				{ field: 'year', reason: 'invalid' },
				{ field: 'page', reason: 'invalid' }
			])
		);
		expect(input.q).toHaveLength(200);
		expect(input.filters).toEqual({ theme: ['inclusion'] });
		expect(input.page).toBe(1);
	});
});

describe('result cards', () => {
	it('say when it was said in the reader’s language', () => {
		expect(formatHitDate('fr', '2018-09-14T14:30')).toBe('14 sept. 2018, 14h30');
		expect(formatHitDate('en', '2018-09-14')).toBe('14 Sept 2018');
		expect(formatHitDate('fr', 'soon')).toBeNull();
	});

	it('only link inside the site', () => {
		expect(safeHitUrl('/editions/a/workshops/b/pads/c#h2-contexte')).toBe('/editions/a/workshops/b/pads/c#h2-contexte');
		expect(safeHitUrl('//evil.example/x')).toBe('#');
		expect(safeHitUrl('javascript:alert(1)')).toBe('#');
	});
});
