// Search documents built without Meilisearch: sections at headings, anchors, long sections split, settings' synonyms.
import { describe, expect, it } from 'vitest';
import { resolveSectionAnchor, sectionAnchor } from '../../../server/shared/section-anchors';
import { padDocs, padSections, splitWords, type Placement } from '../../../server/search/documents';
import { buildSynonyms } from '../../../server/search/index-settings';
import { closedFrom, localToUtc } from '../../../server/search/sources';
import { editDistance, safeSnippet, suggest } from '../../../server/search/search.service';

const place: Placement = { editionId: 'e1', workshopId: 'w1', workshopTitle: 'Atelier', themes: [{ key: 'donnees', names: ['#données', '#data'] }], track: null, format: 'atelier-contributif', licence: 'etalab-2.0', year: 2018, date: 1, room: 'Stereolux', closedFrom: 0 };
const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('pad sections', () => {
	it('cuts a pad at its top-level headings, the text before the first heading being its own section', () => {
		const sections = padSections({ content: [para('Intro'), heading('Débats'), para('Un'), para('Deux'), heading('Points de divergence'), heading('Exemples d’initiatives'), para('Rezé')] });
		expect(sections).toEqual([
			{ anchor: '', heading: null, text: 'Intro' },
			{ anchor: 'h1-debats', heading: 'Débats', text: 'Un\nDeux' },
			{ anchor: 'h2-points-de-divergence', heading: 'Points de divergence', text: '' },
			{ anchor: 'h3-exemples-d-initiatives', heading: 'Exemples d’initiatives', text: 'Rezé' }
		]);
	});

	it('builds one document per section with the pad, placement, anchor url and permission fields', () => {
		const docs = padDocs({ id: 'p1', title: 'Notes', date: 5 }, { content: [heading('Débats'), para('Texte')] }, place, 7);
		expect(docs).toEqual([
			expect.objectContaining({ id: 'pad-p1-0-0', type: 'pad', title: 'Débats', parent: 'Notes', text: 'Texte', anchor: 'h1-debats', url: '/editions/e1/workshops/w1/pads/p1#h1-debats', themes: ['donnees'], themeNames: ['#données', '#data'], access: 'workshop', rev: 7, room: 'Stereolux' })
		]);
		expect(padDocs({ id: 'p2', title: 'Vide', date: 5 }, { content: [] }, place, 7)).toEqual([expect.objectContaining({ id: 'pad-p2-0-0', title: 'Vide', url: '/editions/e1/workshops/w1/pads/p2' })]);
	});

	it('splits a long section into documents far below Meilisearch’s 65,535 words per field, keeping its anchor', () => {
		const long = Array.from({ length: 5000 }, (_, i) => `mot${i}`).join(' ');
		const docs = padDocs({ id: 'p1', title: 'Notes', date: 5 }, { content: [heading('Long'), para(long)] }, place, 1);
		expect(docs.length).toBe(4);
		expect(new Set(docs.map((d) => d.anchor))).toEqual(new Set(['h1-long']));
		expect(Math.max(...docs.map((d) => d.text.split(/\s+/).length))).toBeLessThanOrEqual(1500);
		expect(docs.map((d) => d.text).join(' ').split(/\s+/)).toHaveLength(5000);
		expect(splitWords('a b\nc', 2)).toEqual(['a b', 'c']);
	});

	it('resolves an anchor to the same heading even after headings moved, else by position', () => {
		expect(sectionAnchor(2, 'Points de divergence !')).toBe('h2-points-de-divergence');
		expect(resolveSectionAnchor('h2-points-de-divergence', ['Débats', 'Points de divergence'])).toBe(1);
		expect(resolveSectionAnchor('h2-points-de-divergence', ['Nouveau', 'Débats', 'Points de divergence'])).toBe(2);
		expect(resolveSectionAnchor('h2-disparu', ['Débats', 'Autre'])).toBe(1);
		expect(resolveSectionAnchor('h9-x', ['Débats'])).toBeNull();
		expect(resolveSectionAnchor('nimporte', ['Débats'])).toBeNull();
	});
});

describe('search helpers', () => {
	it('merges synonym groups that share a word', () => {
		const s = buildSynonyms([['#données', '#data'], ['data', 'open data'], ['#commun', '#communs']]);
		expect(s.data).toEqual(['données', 'open data']);
		expect(s['communs']).toEqual(['commun']);
	});

	it('escapes every snippet, re-allowing only the engine’s <mark>', () => {
		expect(safeSnippet('<script>x</script> \u0001inclusion\u0002 & "q"')).toBe('&lt;script&gt;x&lt;/script&gt; <mark>inclusion</mark> &amp; &quot;q&quot;');
	});

	it('suggests the matched spelling of a mistyped word', () => {
		expect(editDistance('inclsuion', 'inclusion')).toBe(1);
		expect(suggest('atelier inclsuion', ['inclusion', 'atelier'])).toBe('atelier inclusion');
		expect(suggest('inclusion', ['inclusion'])).toBeNull();
		expect(suggest('zzzz', ['inclusion'])).toBeNull();
	});

	it('computes when a workshop opens to every reader from its local end time and override', () => {
		expect(localToUtc('2018-09-13T15:30', 'Europe/Paris')).toBe(Date.parse('2018-09-13T13:30:00Z'));
		expect(localToUtc('2019-05-02T12:00', 'Indian/Reunion')).toBe(Date.parse('2019-05-02T08:00:00Z'));
		expect(closedFrom({ ends_at: '2018-09-13T15:30', status_override: null }, 'Europe/Paris')).toBe(Date.parse('2018-09-13T13:30:00Z'));
		expect(closedFrom({ ends_at: '2018-09-13T15:30', status_override: 'closed' }, 'Europe/Paris')).toBe(0);
		expect(closedFrom({ ends_at: '2018-09-13T15:30', status_override: 'live' }, 'Europe/Paris')).toBeGreaterThan(Date.parse('2100-01-01'));
	});
});
