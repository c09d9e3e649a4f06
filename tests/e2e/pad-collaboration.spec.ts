// Story: during a live workshop, Alice (facilitator) and Bob (a guest who scanned the room's QR code) write the notes together.
import { expect, expectAccessible, test } from './fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c50000000049454e44ae426082', 'hex');

test('two people co-write a pad, through a network drop, and restore a version', async ({ browser, app, createPerson, logIn }) => {
	const alice = await createPerson('Alice Martin');
	const edition = app.editions.create(alice.viewer, { title: 'NEC pads', startsOn: '2018-09-13', endsOn: '2018-09-14' });
	const workshopId = app.workshops.create(alice.viewer, edition.id, {
		title: 'Produire des communs',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		statusOverride: 'live'
	});
	const joinCode = app.workshops.get(alice.viewer, workshopId).joinCode!;
	const workshopUrl = `/editions/${edition.id}/workshops/${workshopId}`;

	// Separate contexts: BroadcastChannel would otherwise sync the tabs without the server.
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const bobContext = await browser.newContext();
	const alicePage = await aliceContext.newPage();
	const bobPage = await bobContext.newPage();

	// Alice creates the pad from the workshop's documentation template.
	await alicePage.goto(`${workshopUrl}/pads`);
	await alicePage.getByLabel('Titre du pad').fill('Notes de l’atelier');
	await alicePage.getByRole('button', { name: 'Créer le pad' }).click();
	const aliceEditor = alicePage.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(aliceEditor.getByRole('heading', { name: 'Points de convergence' })).toBeVisible();
	await expect(alicePage.getByText('En ligne, enregistré')).toBeVisible();
	const padUrl = alicePage.url();

	// Bob joins from the workshop link with only his first name, then opens the pad.
	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(`${workshopUrl}`));
	await bobPage.goto(padUrl);
	const bobEditor = bobPage.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(bobEditor.getByRole('heading', { name: 'Points de convergence' })).toBeVisible();

	// Each sees the other: presence list and caret with the name.
	await expect(alicePage.getByRole('listitem').filter({ hasText: 'Bob' })).toBeVisible();
	await expect(bobPage.getByRole('listitem').filter({ hasText: 'Alice Martin' })).toBeVisible();

	await aliceEditor.getByRole('heading', { name: 'Contexte' }).click();
	await alicePage.keyboard.press('End');
	await alicePage.keyboard.type(' du logiciel libre');
	await expect(bobEditor.getByRole('heading', { name: 'Contexte du logiciel libre' })).toBeVisible();
	await expect(bobPage.locator('.collaboration-carets__label', { hasText: 'Alice Martin' })).toBeVisible();

	await bobEditor.getByRole('heading', { name: 'Livrables' }).click();
	await bobPage.keyboard.press('End');
	await bobPage.keyboard.type(' et grille');
	await expect(aliceEditor.getByRole('heading', { name: 'Livrables et grille' })).toBeVisible();

	// A photo of the paper board, stored like the drive's files, appears for Bob too.
	await alicePage.keyboard.press('End');
	await alicePage.keyboard.press('Enter');
	await alicePage.locator('input[type="file"]').setInputFiles({ name: 'tableau.png', mimeType: 'image/png', buffer: PNG });
	await expect(bobEditor.getByRole('img', { name: 'tableau.png' })).toBeVisible();
	await expect.poll(() => bobEditor.getByRole('img', { name: 'tableau.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await expect(alicePage.getByText('Envoi de l’image…')).toHaveCount(0);

	// The venue Wi-Fi drops for Bob: he keeps typing, and it arrives when he is back.
	await bobContext.setOffline(true);
	await expect(bobPage.getByText('Hors ligne : vos modifications seront envoyées au retour du réseau.')).toBeVisible();
	await bobEditor.getByRole('heading', { name: 'Prochaines étapes' }).click();
	await bobPage.keyboard.press('End');
	await bobPage.keyboard.type(' hors ligne');
	await aliceEditor.getByRole('heading', { name: 'En savoir +' }).click();
	await alicePage.keyboard.press('End');
	await alicePage.keyboard.type(' pendant la coupure');
	await expect(aliceEditor.getByRole('heading', { name: 'En savoir + pendant la coupure' })).toBeVisible();
	await bobContext.setOffline(false);
	await expect(aliceEditor.getByRole('heading', { name: 'Prochaines étapes hors ligne' })).toBeVisible();
	await expect(bobEditor.getByRole('heading', { name: 'En savoir + pendant la coupure' })).toBeVisible();
	await expect(bobPage.getByText('En ligne, enregistré')).toBeVisible();
	await expectAccessible(alicePage);

	// History: a version with both authors; Alice then wipes a section and restores the version.
	await alicePage.getByRole('link', { name: 'Historique des versions' }).click();
	await alicePage.getByRole('button', { name: 'Enregistrer une version maintenant' }).click();
	await expect(alicePage.getByText('Version enregistrée.')).toBeVisible();
	const version = alicePage.getByRole('listitem').filter({ hasText: 'enregistrée à la demande' });
	await expect(version).toContainText('Alice Martin');
	await expect(version).toContainText('Bob');
	await expectAccessible(alicePage);

	await bobEditor.getByRole('heading', { name: 'Livrables et grille' }).click();
	await bobPage.keyboard.press('End');
	for (let i = 0; i < ' et grille'.length; i++) await bobPage.keyboard.press('Backspace');
	await expect(bobEditor.getByRole('heading', { name: 'Livrables', exact: true })).toBeVisible();

	await version.getByRole('link').click();
	await expect(alicePage.getByRole('heading', { name: 'Livrables et grille' })).toBeVisible();
	await alicePage.getByRole('button', { name: 'Restaurer cette version' }).click();
	await expect(alicePage.getByText('La version a été restaurée.')).toBeVisible();
	await expect(bobEditor.getByRole('heading', { name: 'Livrables et grille' })).toBeVisible();

	await aliceContext.close();
	await bobContext.close();
});
