// The public archive: an anonymous reader finds a published deliverable, sees its writers credited as they chose,
// downloads it, and reads it with JavaScript off; the pages are light and accessible.
import fs from 'node:fs';
import type { Page, Response } from '@playwright/test';
import { writeParagraph } from '../unit/deliverables/pad-writer';
import { expect, expectAccessible, test } from './fixtures';

/** Bytes that crossed the network for everything the page loaded (bodies and headers). */
async function transferred(responses: Response[]): Promise<number> {
	let total = 0;
	for (const response of responses) {
		const sizes = await response.request().sizes();
		total += sizes.responseBodySize + sizes.responseHeadersSize;
	}
	return total;
}

async function load(page: Page, url: string) {
	const responses: Response[] = [];
	page.on('response', (r) => responses.push(r));
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	return responses;
}

test('an anonymous reader finds a published deliverable, credited as its writers chose, and takes it away', async ({ app, browser, createPerson }, testInfo) => {
	// Five axe-core audits on a shared two-core machine.
	test.setTimeout(90_000);
	// Fanny organises and facilitates; Alice and Bob take part and write.
	const fanny = await createPerson('Fanny Facilitatrice');
	const alice = await createPerson('Alice Martin');
	const bob = await createPerson('Bob Dupont');
	const title = `Mémoire NEC ${Date.now().toString(36)}`;
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
	const code = app.workshops.get(fanny.viewer, workshopId).joinCode!;
	app.workshops.join(alice.viewer, code);
	app.workshops.join(bob.viewer, code);
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Notes' });
	writeParagraph(app, pad.id, alice.viewer.id, 'Une grille pour identifier les communs du territoire.');
	writeParagraph(app, pad.id, bob.viewer.id, 'Trois questions avant de contribuer.');
	await app.credits.setChoice(alice.viewer, edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
	await app.credits.setChoice(bob.viewer, edition.id, { mode: 'anonymous' });
	const deliverableId = app.deliverables.create(fanny.viewer, workshopId, { padId: pad.id, title: 'Grille des communs', summary: 'Trois questions.', themeIds: [themeId] });
	await app.deliverables.publish(fanny.viewer, deliverableId);

	// A reader with no account and no cookie.
	const reader = await browser.newContext();
	const page = await reader.newPage();
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Archive', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Archive publique' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Grille des communs', exact: true }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Grille des communs' })).toBeVisible();
	await expect(page.getByText('Une grille pour identifier les communs du territoire.')).toBeVisible();
	const credits = page.getByRole('region', { name: 'Crédits' });
	await expect(credits).toContainText('alice_communs');
	await expect(credits).toContainText('contributeur anonyme');
	await expect(credits).toContainText('Fanny Facilitatrice');
	await expect(page.locator('main')).not.toContainText('Bob Dupont');
	await expect(page.locator('main')).not.toContainText('Alice Martin');
	const stable = `/archive/${edition.id}/deliverables/${deliverableId}/v/1`;
	await expect(page.getByRole('region', { name: 'Citer ce livrable' }).getByRole('link')).toHaveAttribute('href', new RegExp(`${stable}$`));
	await expect(page.getByRole('link', { name: 'Licence Ouverte 2.0 (Etalab)' }).first()).toHaveAttribute('href', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('deliverable.png'), fullPage: true });

	// The Markdown download carries the text, the licence and the credits.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Markdown (.md)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('grille-des-communs-v1.md');
	const markdown = fs.readFileSync((await download.path())!, 'utf8');
	expect(markdown).toContain('# Grille des communs');
	expect(markdown).toContain('Trois questions avant de contribuer.');
	expect(markdown).toContain('- Rédaction : alice_communs, contributeur anonyme');
	expect(markdown).toContain('licence: "etalab-2.0"');
	expect(markdown).not.toContain('Bob Dupont');

	await page.getByRole('link', { name: 'Chiffres clés' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Chiffres clés' })).toBeVisible();
	await expect(page.getByRole('definition').first()).toHaveText('1');
	await expectAccessible(page);
	await reader.close();

	// With JavaScript off the page is the same, ships no script, and weighs less than 100 kB.
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const plain = await noJs.newPage();
	const responses = await load(plain, `/archive/${edition.id}/deliverables/${deliverableId}`);
	await expect(plain.getByRole('heading', { level: 1, name: 'Grille des communs' })).toBeVisible();
	await expect(plain.getByRole('region', { name: 'Crédits' })).toContainText('alice_communs');
	expect(await plain.locator('script').count()).toBe(0);
	expect(responses.some((r) => r.url().endsWith('.js'))).toBe(false);
	const bytes = await transferred(responses);
	testInfo.annotations.push({ type: 'transferred bytes', description: String(bytes) });
	expect(bytes, `${bytes} bytes transferred`).toBeLessThan(100_000);
	console.log(`deliverable page: ${bytes} bytes transferred with JavaScript off`);
	await plain.getByRole('link', { name: 'Identifier les ressources' }).first().click();
	await expect(plain.getByRole('heading', { level: 1, name: 'Identifier les ressources' })).toBeVisible();
	await plain.getByRole('link', { name: '#communs' }).first().click();
	await expect(plain.getByRole('heading', { level: 1 })).toContainText('#communs');
	await expect(plain.getByRole('main').getByRole('link', { name: 'Grille des communs' }).first()).toBeVisible();
	await noJs.close();
});
