// The proceedings' print booklet paginated by paged.js (TOC with page numbers, running heads), the link check before
// publishing, the DOCX download and the booklets in the static site.
import { writeParagraph } from '../unit/deliverables/pad-writer';
import { unzip } from '../unit/exports/unzip';
import { writeHeading } from '../unit/proceedings/heading-writer';
import { expect, expectAccessible, test } from './fixtures';

test('an editor checks the links and publishes; the print booklet shows its table of contents with page numbers', async ({ app, browser, createPerson, logIn }) => {
	test.setTimeout(120_000);
	const fanny = await createPerson('Fanny Facilitatrice');
	const title = `Livret ${Date.now().toString(36)}`;
	const edition = app.editions.create(fanny.viewer, { title, city: 'Nantes', startsOn: '2018-09-13', endsOn: '2018-09-14' });
	const themeId = app.structure.addTheme(fanny.viewer, edition.id, { label: 'communs' });
	const workshopId = app.workshops.create(fanny.viewer, edition.id, {
		title: 'Identifier les ressources',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		themeIds: [themeId],
		facilitatorIds: [fanny.viewer.id]
	});
	app.editions.setStatus(fanny.viewer, edition.id, { status: 'published' });
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Notes' });
	writeHeading(app, pad.id, fanny.viewer.id, 'Constats');
	writeParagraph(app, pad.id, fanny.viewer.id, 'Les communs manquent de contributeurs réguliers.');
	app.deliverables.publish(fanny.viewer, app.deliverables.create(fanny.viewer, workshopId, { padId: pad.id, title: 'Grille des communs', themeIds: [themeId] }));
	// A synthesis long enough to take several A5 pages, so the chapters after it start further on.
	const paragraph = 'Les participantes et participants ont débattu des conditions de contribution aux communs numériques du territoire, des licences et de la gouvernance. ';
	const markdown = Array.from({ length: 8 }, (_, i) => `## Point ${i + 1}\n\n${paragraph.repeat(4)}`).join('\n\n');
	const synthesisId = app.syntheses.open(fanny.viewer, edition.id, themeId);
	app.syntheses.save(fanny.viewer, synthesisId, { title: 'Les communs et nous', markdown });
	// A link to a loopback address: the check refuses to fetch it and reports it, without blocking the publication.
	app.syntheses.addLink(fanny.viewer, edition.id, { targetKind: 'workshop', targetId: workshopId, title: 'Intranet du tiers-lieu', url: 'http://127.0.0.1:9/wiki', kind: 'website' });
	app.proceedings.saveDraft(fanny.viewer, edition.id, { introduction: 'Deux jours pour les communs numériques.', licence: 'CC-BY-4.0' });

	const editor = await browser.newContext();
	await logIn(editor, fanny);
	const page = await editor.newPage();
	await page.goto(`/editions/${edition.id}/proceedings`);
	await page.getByRole('button', { name: 'Vérifier les liens' }).click();
	const report = page.getByRole('region', { name: 'Vérification des liens' });
	await expect(report).toContainText('1 lien vérifié : 0 répond, 1 ne répond pas, 0 à accès restreint.');
	await expect(report.locator('ul.broken-links li')).toContainText('Intranet du tiers-lieu');
	await expect(report.locator('ul.broken-links li')).toContainText('adresse privée ou locale, non vérifiée');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Publier une nouvelle version' }).click();
	await expect(page.getByText('Version 1 publiée.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Vérification des liens' }).locator('ul.broken-links li')).toHaveCount(1);
	await editor.close();

	// A reader without an account opens the print booklet: paged.js lays it out and fills the TOC's page numbers.
	const readerContext = await browser.newContext();
	const reader = await readerContext.newPage();
	await reader.goto(`/archive/${edition.id}/proceedings/v/1/booklet.html`);
	await expect(reader.locator('html')).toHaveAttribute('data-paged', 'done', { timeout: 30_000 });
	const toc = await reader.evaluate(() => {
		const pages = [...document.querySelectorAll('.pagedjs_page')];
		return [...document.querySelectorAll('nav.toc a')].map((a) => {
			const href = a.getAttribute('href')!;
			// paged.js turns target-counter() into a counter it resets, on the link's ::after, to the target's page.
			const reset = getComputedStyle(a, '::after').counterReset.split(' ');
			const target = document.querySelector(href);
			return { href, shown: reset.at(-1)!, page: pages.findIndex((p) => target !== null && p.contains(target)) + 1, topLevel: a.closest('ol ol') === null };
		});
	});
	expect(toc.map((e) => e.href)).toEqual(['#introduction', '#syntheses', '#synthese-1', '#deliverables', '#figures', '#resources', '#colophon']);
	for (const entry of toc) {
		expect(entry.shown, entry.href).toMatch(/^\d+$/);
		expect(Number(entry.shown), entry.href).toBe(entry.page);
	}
	const chapters = toc.filter((e) => e.topLevel).map((e) => Number(e.shown));
	expect(chapters[0]).toBe(3); // cover, table of contents, then the introduction
	for (let i = 1; i < chapters.length; i++) expect(chapters[i]!, toc.filter((e) => e.topLevel)[i]!.href).toBeGreaterThan(chapters[i - 1]!);
	expect(chapters[2]! - chapters[1]!).toBeGreaterThan(1); // the long synthesis took more than one page

	// Printed to PDF, the table of contents carries the same numbers, and each page its running head and number.
	const pdf = await reader.pdf({ preferCSSPageSize: true });
	const { extractText, getDocumentProxy } = await import('unpdf');
	const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
	expect(totalPages).toBe(await reader.locator('.pagedjs_page').count());
	expect(text[1]).toContain('Sommaire');
	for (const entry of toc.filter((e) => e.topLevel)) {
		const name = await reader.locator(`nav.toc a[href="${entry.href}"]`).innerText();
		expect(text[1], name).toMatch(new RegExp(`${name.trim().replace(/[+]/g, '\\+')}\\s+${entry.shown}\\b`));
	}
	expect(text[2]).toContain(`Actes de ${title}`);
	expect(text[2]).toContain('Introduction');
	expect(text[2]).toMatch(/\b3\b/);

	// The DOCX booklet downloads as a Word document (its content is read back in tests/unit/proceedings/booklet-docx.test.ts).
	const docx = await reader.request.get(`/archive/${edition.id}/proceedings/v/1/booklet.docx`);
	expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
	expect(docx.headers()['content-disposition']).toMatch(/\.docx"$/);
	expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
	// The edition's static site carries the booklet in every format, and paged.js for its HTML copy.
	const site = await reader.request.get(`/archive/${edition.id}/export/site.zip`);
	const names = [...(await unzip(await site.body())).keys()];
	for (const file of ['proceedings.html', 'paged.polyfill.js', 'proceedings.epub', 'proceedings.odt', 'proceedings.docx']) expect(names.some((n) => n.endsWith(`/${file}`)), file).toBe(true);
	await readerContext.close();
});
