import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderPadMarkdown } from '../../../server/domain/pads/pad-markdown';
import { toMarkdown, toStandaloneHtml } from '../../../server/exports/document-export';
import { buildOpenData, csvTables, openDataCsv, toCsv } from '../../../server/exports/open-data';
import { exportDocumentOf } from '../../../server/exports/static-site/pages';
import { exportLabels } from '../../../src/lib/components/archive/export-labels';
import { createTestApp } from '../factories';
import { labelsFr, ORIGIN, publishedArchive } from '../archive/archive-fixtures';

async function scenario() {
	const { app } = createTestApp();
	const s = await publishedArchive(app);
	const snapshot = await app.archive.snapshot(s.edition.id);
	return { app, s, snapshot, data: buildOpenData(snapshot, ORIGIN) };
}

describe('Markdown and HTML exports', () => {
	it('embed the licence, the credits as chosen and the stable versioned address', async () => {
		const { s, snapshot } = await scenario();
		const d = snapshot.versions[0]![0]!;
		const doc = exportDocumentOf(d, { snapshot, labels: labelsFr, origin: ORIGIN });
		const url = `${ORIGIN}/archive/${s.edition.id}/deliverables/${s.deliverableId}/v/1`;

		const md = toMarkdown(doc, labelsFr);
		expect(md).toMatch(/^---\ntitle: "Grille d’identification des communs"\nversion: 1\n/);
		expect(md).toContain('licence: "CC-BY-SA-4.0"');
		expect(md).toContain('[Creative Commons BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)');
		expect(md).toContain('- Rédaction : alice_communs, contributeur anonyme');
		expect(md).toContain('- Facilitation : Fanny');
		expect(md).toContain(`source: "${url}"`);
		expect(md).toContain('Une grille pour identifier les communs numériques du territoire.');
		expect(md).not.toContain('Bob le guest');

		const html = toStandaloneHtml(doc, labelsFr, ORIGIN);
		expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
		expect(html).toContain('<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">');
		expect(html).toContain('<dt>Rédaction</dt><dd>alice_communs, contributeur anonyme</dd>');
		expect(html).toContain(`<link rel="canonical" href="${url}">`);
		expect(html).toContain('<p>Trois questions : puis-je contribuer ?');
		expect(html).toContain('@media print');
		expect(html).not.toContain('<script');
	});

	it('follow a change of credit choice after publication, and speak the reader’s language', async () => {
		const { app, s } = await scenario();
		await app.credits.setChoice(s.alice, s.edition.id, { mode: 'name' });
		const en = exportLabels('en');
		const snapshot = await app.archive.snapshot(s.edition.id, 'en');
		const md = toMarkdown(exportDocumentOf(snapshot.versions[0]![0]!, { snapshot, labels: en, origin: ORIGIN }), en);
		expect(md).toContain('- Written by : Alice, anonymous contributor');
		expect(md).toContain('This content is published under');
	});

	it('mark a withdrawn deliverable', async () => {
		const { app, s } = await scenario();
		app.deliverables.withdraw(s.facilitator, s.deliverableId);
		const snapshot = await app.archive.snapshot(s.edition.id);
		const doc = exportDocumentOf(snapshot.versions[0]![0]!, { snapshot, labels: labelsFr, origin: ORIGIN });
		expect(toMarkdown(doc, labelsFr)).toContain('withdrawn: true');
		expect(toStandaloneHtml(doc, labelsFr, ORIGIN)).toContain('Ce livrable a été retiré');
	});
});

describe('open data', () => {
	it('describes workshops, themes, deliverables, credits (as chosen, never account ids) and figures', async () => {
		const { s, data } = await scenario();
		expect(data).toMatchObject({ schema: 'medialab-open-data', version: 1, edition: { id: s.edition.id, licence: { id: 'etalab-2.0' } } });
		expect(data.workshops).toEqual([
			expect.objectContaining({ id: s.workshopId, format: 'atelier-contributif', themeIds: [s.themeId], deliverableIds: [s.deliverableId], url: `${ORIGIN}/archive/${s.edition.id}/workshops/${s.workshopId}` })
		]);
		expect(data.themes).toEqual([{ id: s.themeId, label: '#communs', aliases: [] }]);
		expect(data.deliverables[0]).toMatchObject({ id: s.deliverableId, licence: 'CC-BY-SA-4.0', status: 'published', version: 1, themeIds: [s.themeId] });
		expect(data.credits.map((c) => [c.role, c.name])).toEqual([
			['author', 'alice_communs'],
			['author', 'contributeur anonyme'],
			['facilitator', 'Fanny']
		]);
		const json = JSON.stringify(data);
		for (const person of [s.alice, s.bob, s.facilitator]) expect(json).not.toContain(person.id);
		expect(json).not.toContain('Bob le guest');
		expect(data.figures).toMatchObject({ workshops: 1, pads: 1, deliverables: 1, contributors: 2 });
	});

	it('writes one RFC 4180 CSV per table with a header row', async () => {
		const { s, data } = await scenario();
		const csv = Object.fromEntries(csvTables.map((t) => [t, openDataCsv(data, t)]));
		expect(csv.workshops!.split('\r\n')[0]).toBe('\uFEFFid,title,format,starts_at,ends_at,room,track_id,theme_ids,speakers,deliverable_ids,url');
		expect(csv.credits).toBe(
			`\uFEFFdeliverable_id,version,role,name\r\n${s.deliverableId},1,author,alice_communs\r\n${s.deliverableId},1,author,contributeur anonyme\r\n${s.deliverableId},1,facilitator,Fanny\r\n`
		);
		expect(csv.figures).toContain('edition,,contributors,2\r\n');
		expect(csv.figures).toContain(`theme,${s.themeId},deliverables,1\r\n`);
		expect(toCsv(['a', 'b'], [['x, "y"', 'line\nbreak'], [null, 3]])).toBe('a,b\r\n"x, ""y""","line\nbreak"\r\n,3\r\n');
	});

	it('neutralise cells a spreadsheet would run as a formula, and start with a UTF-8 byte order mark', async () => {
		const { data } = await scenario();
		const formulas = ['=HYPERLINK("https://evil.example","clic")', '+33 6 12', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
		expect(toCsv(['v'], formulas.map((f) => [f]))).toBe(
			'v\r\n"\'=HYPERLINK(""https://evil.example"",""clic"")"\r\n\'+33 6 12\r\n\'-2+3\r\n\'@SUM(A1)\r\n\'\t=1\r\n"\'\r=1"\r\n'
		);
		// Numbers, and text that only contains those signs further on, are left alone.
		expect(toCsv(['v'], [[-3], ['a=b'], ['#données']])).toBe('v\r\n-3\r\na=b\r\n#données\r\n');
		data.workshops[0]!.title = '=IMPORTXML("https://evil.example")';
		data.credits[0]!.name = '@alice';
		const csv = openDataCsv(data, 'workshops');
		expect(csv.startsWith('\uFEFFid,')).toBe(true);
		expect(csv).toContain(',"\'=IMPORTXML(""https://evil.example"")",');
		expect(csv).not.toMatch(/(^|,)"?=/m);
		expect(openDataCsv(data, 'credits')).toContain(",'@alice\r\n");
	});

	it('keep raw HTML from titles, summaries and names out of the Markdown export', async () => {
		const { snapshot } = await scenario();
		const doc = exportDocumentOf(snapshot.versions[0]![0]!, { snapshot, labels: labelsFr, origin: ORIGIN });
		const hostile = {
			...doc,
			title: '<img src=x onerror=alert(1)> \\<script>alert(2)</script>',
			summary: 'Résumé <iframe src="https://evil.example"></iframe>\n&lt;b&gt;',
			credits: [{ display: '<b onmouseover=alert(3)>Eve</b>', role: 'author' }]
		};
		const md = toMarkdown(hostile, labelsFr);
		const html = await marked.parse(md);
		expect(html).not.toMatch(/<(img|script|iframe|b)\b/i);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('&amp;lt;b&amp;gt;');
		// The image alt text of a pad cannot smuggle markup either.
		const pad = renderPadMarkdown({ type: 'doc', content: [{ type: 'image', attrs: { src: '/files/x.png', alt: '<script>x</script>' } }] });
		expect(await marked.parse(pad)).not.toContain('<script');
	});
});
