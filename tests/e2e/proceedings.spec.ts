// Proceedings: a facilitator writes a theme's synthesis quoting two published deliverables and publishes the
// proceedings; an anonymous reader opens them without JavaScript, follows a quote to its source and takes the booklet away.
import fs from 'node:fs';
import { writeParagraph } from '../unit/deliverables/pad-writer';
import { writeHeading } from '../unit/proceedings/heading-writer';
import { expect, expectAccessible, test } from './fixtures';

test('an editor composes a synthesis quoting two deliverables, publishes the proceedings, a reader opens and downloads them', async ({ app, browser, createPerson, logIn }) => {
	test.setTimeout(120_000);
	const fanny = await createPerson('Fanny Facilitatrice');
	const alice = await createPerson('Alice Martin');
	const title = `Actes NEC ${Date.now().toString(36)}`;
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
	app.workshops.join(alice.viewer, app.workshops.get(fanny.viewer, workshopId).joinCode!);
	app.credits.setChoice(alice.viewer, edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
	const sources = [
		{ title: 'Grille des communs', heading: 'Constats', text: 'Les communs manquent de contributeurs réguliers.' },
		{ title: 'Restitution plénière', heading: 'Divergences', text: 'Certains veulent une licence unique, d’autres non.' }
	].map((s) => {
		const pad = app.pads.create(fanny.viewer, workshopId, { title: s.title });
		writeHeading(app, pad.id, alice.viewer.id, s.heading);
		writeParagraph(app, pad.id, alice.viewer.id, s.text);
		const id = app.deliverables.create(fanny.viewer, workshopId, { padId: pad.id, title: s.title, themeIds: [themeId] });
		app.deliverables.publish(fanny.viewer, id);
		return { ...s, id };
	});

	// The editor writes the synthesis and inserts a passage of each deliverable from the panel beside the text.
	const editor = await browser.newContext();
	await logIn(editor, fanny);
	const page = await editor.newPage();
	await page.goto(`/editions/${edition.id}/proceedings`);
	await expect(page.getByRole('heading', { level: 1, name: /Composer les actes/ })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Écrire la synthèse — #communs' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Synthèse : #communs' })).toBeVisible();
	// The synthesis is written like a pad, in the live editor.
	await expect(page.getByText('En ligne, enregistré')).toBeVisible();
	await page.getByRole('textbox', { name: 'Texte de la synthèse « #communs »' }).click();
	await page.keyboard.type('Tous veulent une grille commune.');
	for (const source of sources) {
		const panel = page.locator('details.source', { hasText: source.title });
		await panel.locator('summary').click();
		await panel.getByRole('button', { name: 'Insérer la citation' }).first().click();
		await expect(page.getByText('Citation insérée.')).toBeVisible();
	}
	const preview = page.getByRole('region', { name: 'Aperçu' });
	await expect(preview.locator('blockquote.citation')).toHaveCount(2);
	await expect(preview.locator('blockquote.citation').first()).toContainText('alice_communs');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Composer les actes' }).click();
	await page.getByLabel('Introduction (Markdown)').fill('Deux jours pour les communs numériques.');
	await page.getByLabel(/^Mise en page/).fill('Dana Design');
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(page.getByText('Brouillon enregistré.')).toBeVisible();
	// « En savoir + » on the workshop: only web addresses are taken.
	const links = page.getByRole('region', { name: 'En savoir +' });
	await links.getByLabel('Titre du lien').fill('Le guide des communs');
	await links.getByLabel('Adresse (https://…)').fill('javascript:alert(1)');
	await links.getByRole('button', { name: 'Ajouter un lien « En savoir + »' }).click();
	await expect(page.getByText('Adresse web invalide (https://…).')).toBeVisible();
	await links.getByLabel('Adresse (https://…)').fill('https://example.org/guide-des-communs');
	await links.getByRole('button', { name: 'Ajouter un lien « En savoir + »' }).click();
	await expect(page.getByText('Lien ajouté.')).toBeVisible();
	await page.getByRole('button', { name: 'Publier une nouvelle version' }).click();
	await expect(page.getByText('Version 1 publiée.')).toBeVisible();
	await editor.close();

	// An anonymous reader, JavaScript off: table of contents, quotes linking to their sources, colophon, downloads.
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const reader = await noJs.newPage();
	await reader.goto(`/archive/${edition.id}`);
	await reader.getByRole('navigation', { name: 'Sections de l’archive' }).getByRole('link', { name: 'Actes' }).click();
	await expect(reader.getByRole('heading', { level: 1, name: `Actes de ${title}` })).toBeVisible();
	const toc = reader.getByRole('navigation', { name: 'Sommaire' });
	for (const name of ['Introduction', 'Synthèses par thème', 'Livrables par parcours', 'Chiffres clés', 'En savoir +', 'Colophon']) await expect(toc.getByRole('link', { name })).toBeVisible();
	await expect(reader.locator('blockquote.citation')).toHaveCount(2);
	const colophon = reader.getByRole('region', { name: 'Colophon' });
	await expect(colophon).toContainText('alice_communs');
	await expect(colophon).toContainText('Dana Design');
	await expect(reader.locator('main')).not.toContainText('Alice Martin');
	expect(await reader.locator('script').count()).toBe(0);

	const downloading = reader.waitForEvent('download');
	await reader.getByRole('link', { name: 'Livre numérique EPUB 3' }).click();
	const epub = fs.readFileSync((await (await downloading).path())!);
	expect(epub.subarray(30, 38).toString('ascii')).toBe('mimetype');
	expect(epub.subarray(38, 58).toString('ascii')).toBe('application/epub+zip');
	const odt = await reader.request.get(`/archive/${edition.id}/proceedings/v/1/booklet.odt`);
	expect(odt.headers()['content-type']).toBe('application/vnd.oasis.opendocument.text');
	const print = await reader.request.get(`/archive/${edition.id}/proceedings/v/1/booklet.html`);
	expect(await print.text()).toContain('@bottom-center{content:counter(page)');

	// A quote leads to the exact version and section it was taken from.
	await reader.locator('blockquote.citation a').first().click();
	await expect(reader).toHaveURL(new RegExp(`/deliverables/${sources[0]!.id}/v/1#h1-constats$`));
	await expect(reader.locator('#h1-constats')).toHaveText('Constats');
	await reader.goto(`/archive/${edition.id}/workshops/${workshopId}`);
	await expect(reader.getByRole('region', { name: 'En savoir +' }).getByRole('link', { name: 'Le guide des communs' })).toHaveAttribute('href', 'https://example.org/guide-des-communs');
	await noJs.close();

	const withJs = await browser.newContext();
	const checked = await withJs.newPage();
	await checked.goto(`/archive/${edition.id}/proceedings/v/1`);
	await expect(checked.getByRole('heading', { level: 1, name: `Actes de ${title}` })).toBeVisible();
	await expectAccessible(checked);

	// Chromium prints the booklet: the cover alone, then pages with the running head and their number.
	await checked.goto(`/archive/${edition.id}/proceedings/v/1/booklet.html`);
	await expect(checked.locator('html')).toHaveAttribute('data-paged', 'done', { timeout: 30_000 });
	const pdf = await checked.pdf({ preferCSSPageSize: true });
	const { extractText, getDocumentProxy } = await import('unpdf');
	const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
	expect(totalPages).toBeGreaterThan(3);
	expect(text[0]).not.toContain('Sommaire');
	expect(text[1]).toContain('Sommaire');
	expect(text[2]).toContain(`Actes de ${title}`);
	expect(text[2]).toMatch(/\b3\b/);
	await withJs.close();
});
