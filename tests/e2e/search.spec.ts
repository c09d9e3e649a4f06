// Story: during a live workshop Alice writes a sentence in the pad; Bob, in another room (another browser), finds it
// from the search page a moment later and lands on that very section of the pad. Then the same search without JavaScript.
import { devices } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const SENTENCE = 'Les tiers-lieux mutualisent leurs imprimantes entre communes voisines';

test('a sentence typed in a pad is found from the search page and opens its section', async ({ browser, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { workshopUrl, joinCode } = liveWorkshop(alice, 'NEC recherche');

	// Separate contexts: BroadcastChannel would otherwise sync the tabs without the server.
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const alicePage = await aliceContext.newPage();
	// Bob is on his phone: the section he is looking for sits far below the top of the pad.
	const bobContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-FR' });
	const bobPage = await bobContext.newPage();

	// Alice creates the pad and writes under « Prochaines étapes », the last section of the template.
	await alicePage.goto(`${workshopUrl}/pads`);
	await alicePage.getByLabel('Titre du pad').fill('Notes de l’atelier');
	await alicePage.getByRole('button', { name: 'Créer le pad' }).click();
	const aliceEditor = alicePage.getByRole('textbox', { name: /Contenu du pad/ });
	await aliceEditor.getByRole('heading', { name: 'Prochaines étapes' }).click();
	await alicePage.keyboard.press('End');
	await alicePage.keyboard.press('Enter');
	await alicePage.keyboard.type(SENTENCE);
	await expect(aliceEditor.getByText(SENTENCE)).toBeVisible();
	await expect(alicePage.getByText('En ligne, enregistré')).toBeVisible();

	// Bob joins the workshop with his first name, then searches from the header of the workshop page.
	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(workshopUrl));
	const headerBox = bobPage.getByRole('searchbox', { name: 'Rechercher dans MédiaLab' });
	await headerBox.fill('imprimantes mutualisent');
	await headerBox.press('Enter');
	await expect(bobPage).toHaveURL(/\/search\?q=imprimantes\+mutualisent/);

	// Results as he types: the sentence is searchable within seconds of being written (the indexer is asynchronous).
	const field = bobPage.getByRole('searchbox', { name: 'Mots à chercher' });
	const hit = bobPage.getByRole('article').filter({ has: bobPage.getByRole('link', { name: 'Prochaines étapes' }) });
	await expect(async () => {
		await field.fill('');
		await field.pressSequentially('imprimantes mutualisent', { delay: 20 });
		await expect(hit).toBeVisible({ timeout: 1500 });
	}).toPass({ timeout: 20_000 });
	await expect(bobPage.getByRole('status').filter({ hasText: /\d+ résultats?/ })).toBeVisible();
	await expect(bobPage).toHaveURL(/\/search\?q=imprimantes(\+|%20)mutualisent/);
	await expect(hit.locator('mark').first()).toBeVisible();
	await expect(hit).toContainText('atelier Cartographier les communs');
	await expect(hit).toContainText('13 sept. 2018');
	await expectAccessible(bobPage);

	// The hit opens the pad scrolled to that section.
	await hit.getByRole('link', { name: 'Prochaines étapes' }).click();
	await expect(bobPage).toHaveURL(/\/pads\/[^#]+#h9-prochaines-etapes$/);
	const bobEditor = bobPage.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(bobEditor.getByText(SENTENCE)).toBeVisible();
	await expect(bobPage.getByRole('status').filter({ hasText: 'Section « Prochaines étapes »' })).toBeAttached();
	await expect(bobEditor.getByRole('heading', { name: 'Prochaines étapes' })).toBeInViewport();
	await expect(bobEditor.getByRole('heading', { name: 'Contexte' })).not.toBeInViewport();

	await aliceContext.close();
	await bobContext.close();
});

test('the search page works as a plain form without JavaScript', async ({ browser, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Sans Script');
	liveWorkshop(alice, 'NEC formulaire');

	const context = await browser.newContext({ javaScriptEnabled: false });
	await logIn(context, alice);
	const page = await context.newPage();
	await page.goto('/search');
	await expect(page.getByText('Cherchez dans les pads', { exact: false })).toBeVisible();
	const field = page.getByRole('searchbox', { name: 'Mots à chercher' });
	const hit = page.getByRole('article').filter({ hasText: 'Cartographier les communs' });
	await expect(async () => {
		await page.goto('/search');
		await field.fill('cartographier');
		await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
		await expect(hit.first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await expect(page).toHaveURL(/\/search\?q=cartographier/);

	// Facets are checkboxes of the same form: ticking « Atelier » and applying keeps the words and adds the filter.
	await page.getByText('Filtrer les résultats').click();
	await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /Atelier/ }).check();
	await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
	await expect(page).toHaveURL(/q=cartographier&type=workshop/);
	await expect(page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /Atelier/ })).toBeChecked();
	await expect(hit.first()).toBeVisible();

	// A search that finds nothing says how to widen it; the link keeps the words and drops the filters.
	await field.fill('zzqxwv');
	await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
	await expect(page.getByText('Aucun résultat pour « zzqxwv ».')).toBeVisible();
	await page.getByRole('link', { name: 'retirez les filtres' }).click();
	await expect(page).toHaveURL(/\/search\?q=zzqxwv$/);
	await context.close();
});
