// Story: Alice and Bob write the workshop's notes; Fanny turns the pad into a deliverable, they review it, she publishes it.
import { expect, expectAccessible, test } from './fixtures';

test('two participants write a pad, review the draft deliverable, and the facilitator publishes it', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	const fanny = await createPerson('Fanny Facilitatrice');
	const alice = await createPerson('Alice Martin');
	const bob = await createPerson('Bob Durand');
	const { workshopId, joinCode, workshopUrl } = liveWorkshop(fanny, 'NEC livrables');
	app.workshops.join(alice.viewer, joinCode);
	app.workshops.join(bob.viewer, joinCode);
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Grille des communs' });
	const padUrl = `${workshopUrl}/pads/${pad.id}`;

	// Separate contexts, so the text goes through the server.
	const contexts = await Promise.all([fanny, alice, bob].map(async (person) => {
		const context = await browser.newContext();
		await logIn(context, person);
		return context;
	}));
	const [fannyPage, alicePage, bobPage] = await Promise.all(contexts.map((c) => c.newPage()));

	// Alice and Bob write in the pad.
	await alicePage!.goto(padUrl);
	await bobPage!.goto(padUrl);
	const aliceEditor = alicePage!.getByRole('textbox', { name: /Contenu du pad/ });
	const bobEditor = bobPage!.getByRole('textbox', { name: /Contenu du pad/ });
	await aliceEditor.click();
	await alicePage!.keyboard.type('Puis-je contribuer ?');
	await expect(bobEditor).toContainText('Puis-je contribuer ?');
	await bobEditor.click();
	await bobPage!.keyboard.press('Control+End');
	await bobPage!.keyboard.press('Enter');
	await bobPage!.keyboard.type('Est-ce dans mon intérêt ?');
	await expect(aliceEditor).toContainText('Est-ce dans mon intérêt ?');
	await expect(bobPage!.getByText('En ligne, enregistré')).toBeVisible();

	// Fanny creates the deliverable from the pad.
	await fannyPage!.goto(padUrl);
	await fannyPage!.getByRole('link', { name: 'Créer un livrable' }).click();
	await expect(fannyPage!.getByLabel('Titre', { exact: true })).toHaveValue('Grille des communs');
	await fannyPage!.getByLabel('Résumé court').fill('Trois questions avant de contribuer à un commun.');
	await fannyPage!.getByRole('button', { name: 'Créer un livrable' }).click();
	await expect(fannyPage!.getByRole('heading', { level: 1, name: 'Grille des communs' })).toBeVisible();
	await expect(fannyPage!.getByText('Brouillon', { exact: true })).toBeVisible();
	await expect(fannyPage!.locator('.pad-content')).toContainText('Est-ce dans mon intérêt ?');
	const deliverableUrl = fannyPage!.url();

	// The draft stays with the facilitators until review.
	await alicePage!.goto(`${workshopUrl}#deliverables`);
	await expect(alicePage!.getByText('Aucun livrable pour le moment.')).toBeVisible();
	await fannyPage!.getByRole('button', { name: 'Soumettre à relecture' }).click();
	await expect(fannyPage!.getByText('En relecture', { exact: true })).toBeVisible();

	// Alice finds it on the workshop page and comments; Bob sees her comment and adds his.
	await alicePage!.reload();
	await alicePage!.getByRole('region', { name: 'Livrables' }).getByRole('link', { name: 'Grille des communs' }).click();
	await expect(alicePage!).toHaveURL(deliverableUrl);
	await alicePage!.getByLabel('Votre commentaire').fill('Ajouter : est-ce important pour mon écosystème ?');
	await alicePage!.getByRole('button', { name: 'Commenter' }).click();
	await expect(alicePage!.getByText('Commentaire ajouté.')).toBeVisible();
	await bobPage!.goto(deliverableUrl);
	await expect(bobPage!.getByText('Ajouter : est-ce important pour mon écosystème ?')).toBeVisible();
	await expect(bobPage!.getByRole('button', { name: 'Publier' })).toHaveCount(0);
	await expectAccessible(bobPage!);

	// Fanny publishes: version 1, both writers credited.
	await fannyPage!.reload();
	await expect(fannyPage!.getByText('Ajouter : est-ce important pour mon écosystème ?')).toBeVisible();
	await fannyPage!.getByRole('button', { name: 'Publier', exact: true }).click();
	await expect(fannyPage!.getByText('Version 1 publiée.')).toBeVisible();
	await fannyPage!.getByRole('link', { name: /^lire/ }).click();
	const version = fannyPage!.getByRole('region', { name: /Version 1/ });
	await expect(version).toContainText('Puis-je contribuer ?');
	await expect(version.getByRole('listitem').filter({ hasText: 'Alice Martin' })).toContainText('rédaction');
	await expect(version.getByRole('listitem').filter({ hasText: 'Bob Durand' })).toContainText('rédaction');
	await expectAccessible(fannyPage!);
	await fannyPage!.screenshot({ path: 'test-results/deliverable-page.png', fullPage: true });

	for (const c of contexts) await c.close();
});
