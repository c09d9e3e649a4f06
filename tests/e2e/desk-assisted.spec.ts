// Story: Bob (a guest from the QR code) is in the pad on his phone but would rather talk than type. Alice, the
// facilitator, asks to write for him; Bob accepts on his phone; what Alice types appears in the pad as Bob's, « avec
// l'aide de » Alice, on both screens, in the history and in the export; Bob stops it and Alice writes as herself again.
import { expect, expectAccessible, test } from './fixtures';

test('a facilitator writes in the pad for a participant who accepted on his device', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	// Two browsers, a build's first pages and accessibility checks: more than the default 30 s on a shared machine.
	test.setTimeout(120_000);
	const alice = await createPerson('Alice Martin');
	const { workshopId, joinCode, workshopUrl } = liveWorkshop(alice, 'NEC aidant');
	const pad = app.pads.create(alice.viewer, workshopId, { title: 'Notes' });
	const padUrl = `${workshopUrl}/pads/${pad.id}`;

	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const bobContext = await browser.newContext();
	const alicePage = await aliceContext.newPage();
	const bobPage = await bobContext.newPage();

	// Bob joins and opens the notes: he is present.
	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(workshopUrl));
	await bobPage.goto(padUrl);
	await expect(bobPage.getByText('En ligne, enregistré')).toBeVisible();

	// Alice asks him.
	await alicePage.goto(padUrl);
	const panel = alicePage.getByRole('region', { name: 'Écrire pour une personne présente (aidant)' });
	await expect(panel.getByLabel('Pour qui')).toContainText('Bob — connecté·e');
	await panel.getByLabel('Pour qui').selectOption({ label: 'Bob — connecté·e' });
	await panel.getByRole('button', { name: 'Demander son accord' }).click();
	await expect(panel.getByText('En attente de l’accord de Bob…')).toBeVisible();
	await expectAccessible(alicePage);

	// Bob accepts on his phone.
	await expect(bobPage.getByText('Alice Martin propose d’écrire pour vous dans « Notes »')).toBeVisible({ timeout: 10_000 });
	await expectAccessible(bobPage);
	await bobPage.getByRole('button', { name: 'Accepter' }).click();
	await expect(bobPage.getByText('Alice Martin écrit pour vous.')).toBeVisible();

	// Alice writes as Bob, with her help.
	await panel.getByRole('button', { name: 'Écrire pour Bob' }).click({ timeout: 10_000 });
	await expect(alicePage.getByText('Vous écrivez pour Bob : ce que vous tapez lui est attribué, avec votre aide.')).toBeVisible();
	await expect(alicePage.getByText('En ligne, enregistré')).toBeVisible();
	const aliceEditor = alicePage.getByRole('textbox', { name: /Contenu du pad/ });
	await aliceEditor.click();
	await alicePage.keyboard.type('Une carte des tiers-lieux nantais');
	const bobEditor = bobPage.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(bobEditor).toContainText('Une carte des tiers-lieux nantais');
	// Bob's screen shows who is there and whose caret it is: « Bob (avec l'aide de Alice Martin) ».
	await expect(bobPage.getByRole('listitem').filter({ hasText: 'Bob (avec l’aide de Alice Martin)' })).toBeVisible();
	await expect(bobEditor.getByText('Bob (avec l’aide de Alice Martin)')).toBeVisible();
	await expectAccessible(alicePage);

	// The history and the export credit Bob, with Alice's help.
	await expect.poll(() => app.pads.exportDocument(alice.viewer, pad.id).credits.map((c) => c.display), { timeout: 10_000 }).toContain('Bob, avec l’aide de Alice Martin');
	const historyPage = await aliceContext.newPage();
	await historyPage.goto(`${padUrl}/history`);
	await expect(historyPage.getByText('Bob, avec l’aide de Alice Martin')).toBeVisible();
	await historyPage.close();

	// Bob stops it: Alice's editor goes back to her own name.
	await bobPage.getByRole('button', { name: 'Arrêter' }).click();
	await expect(alicePage.getByText('L’écriture accompagnée est terminée : vous écrivez de nouveau en votre nom.')).toBeVisible({ timeout: 10_000 });
	await expect(alicePage.getByText('Vous écrivez pour Bob')).toHaveCount(0);

	await Promise.all([aliceContext.close(), bobContext.close()]);
});
