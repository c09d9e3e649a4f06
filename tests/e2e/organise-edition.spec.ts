// Story: Camille discovers MédiaLab, creates an account and an event with its programme; Bob joins a workshop from its link.
import { expect, expectAccessible, test } from './fixtures';

/** Next year: the workshops are still to come, so their join link is open (a finished workshop is read, not joined). */
const year = new Date().getFullYear() + 1;

test('a new organiser builds a programme and a guest joins a workshop from its link', async ({ browser, page }) => {
	const username = `camille${Date.now().toString(36)}`;
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Créer un compte' }).first().click();
	await page.getByLabel('Nom affiché').fill('Camille Organisatrice');
	await page.getByLabel('Nom d’utilisateur').fill(username);
	await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.getByRole('link', { name: /Camille Organisatrice/ })).toBeVisible();

	await page.getByRole('link', { name: 'Nouvel événement' }).click();
	await page.getByLabel('Titre de l’événement').fill('Numérique en Commun[s] Lyon');
	await page.getByLabel('Ville').fill('Lyon');
	await page.getByLabel('Date de début').fill(`${year}-10-08`);
	await page.getByLabel('Date de fin').fill(`${year}-10-09`);
	await page.getByRole('button', { name: 'Créer l’événement' }).click();
	await expect(page).toHaveURL(/\/manage$/);

	const nav = page.getByRole('navigation', { name: 'Gestion de l’événement' });
	await nav.getByRole('link', { name: 'Thèmes' }).click();
	const themes: [string, string][] = [
		['#inclusion', ''],
		['#données', '#data']
	];
	for (const [label, aliases] of themes) {
		const addForm = page.getByRole('region', { name: 'Ajouter un thème' });
		await addForm.getByLabel('Libellé').fill(label);
		await addForm.getByLabel('Alias').fill(aliases);
		await addForm.getByRole('button', { name: 'Ajouter', exact: true }).click();
		await expect(page.getByText('Thème ajouté.')).toBeVisible();
	}

	const workshops = [
		{ title: 'Ouvrir les données de la collectivité', theme: '#données', start: `${year}-10-08T09:30`, end: `${year}-10-08T11:00` },
		{ title: 'Accompagner les publics éloignés', theme: '#inclusion', start: `${year}-10-08T09:30`, end: `${year}-10-08T11:00` },
		{ title: 'Cartographier les lieux de médiation', theme: '#données', start: `${year}-10-09T14:00`, end: `${year}-10-09T15:30` }
	];
	for (const w of workshops) {
		await nav.getByRole('link', { name: 'Ateliers' }).click();
		await page.getByRole('link', { name: 'Nouvel atelier' }).click();
		await page.getByLabel('Titre', { exact: true }).fill(w.title);
		await page.getByLabel('Format').selectOption('atelier-contributif');
		await page.getByLabel('Début').fill(w.start);
		await page.getByLabel('Fin').fill(w.end);
		await page.getByRole('checkbox', { name: w.theme }).check();
		await page.getByRole('button', { name: 'Créer l’atelier' }).click();
		await expect(page.getByRole('link', { name: `Page publique ${w.title}` })).toBeVisible();
	}

	// The programme, filtered by a spelling variant of a theme.
	await nav.getByRole('link', { name: 'Voir le programme public' }).click();
	for (const w of workshops) await expect(page.getByRole('link', { name: w.title }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(`${page.url().split('?')[0]}?theme=data&view=list`);
	await expect(page.getByRole('link', { name: workshops[0]!.title })).toBeVisible();
	await expect(page.getByRole('link', { name: workshops[1]!.title })).toHaveCount(0);

	// The facilitation panel gives the join link.
	await page.getByRole('link', { name: workshops[0]!.title }).click();
	await expectAccessible(page);
	const joinUrl = await page.getByLabel('Lien pour rejoindre l’atelier').inputValue();
	expect(joinUrl).toMatch(/\/join\/[a-z0-9]+$/);

	// Bob, on his phone, opens the link and gives only his first name.
	const bobContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const bob = await bobContext.newPage();
	await bob.goto(joinUrl);
	await expectAccessible(bob);
	await bob.getByLabel('Votre prénom ou pseudonyme').fill('Bob');
	await bob.getByRole('button', { name: 'Rejoindre', exact: true }).click();
	await expect(bob.getByRole('heading', { level: 1, name: workshops[0]!.title })).toBeVisible();
	await expect(bob.getByText('Vous participez à cet atelier.')).toBeVisible();
	await expect(bob.getByRole('link', { name: /Bob/ })).toBeVisible();
	await bobContext.close();
});
