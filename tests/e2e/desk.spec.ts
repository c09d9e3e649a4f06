// Story: during a live workshop, Bob (a guest from the QR code) asks for help; Alice and Farid see it on the MédiaLab
// desk at once; Farid says « J'y vais »; Alice sees who took it, and Bob reads « Quelqu'un arrive : Farid ».
import os from 'node:os';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

test('a guest asks for help, two facilitators see it live, one claims it and the guest sees who is coming', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	// Three browsers, screenshots at two sizes and accessibility checks: more than the default 30 s on a shared machine.
	test.setTimeout(120_000);
	const alice = await createPerson('Alice Martin');
	const farid = await createPerson('Farid Benali');
	const { edition, joinCode, workshopUrl } = liveWorkshop(alice, 'NEC desk');
	app.members.acceptInvite(farid.viewer, app.members.createInvite(alice.viewer, edition.id, { role: 'facilitator' }).token);
	const deskUrl = `/editions/${edition.id}/desk`;

	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const faridContext = await browser.newContext();
	await logIn(faridContext, farid);
	const bobContext = await browser.newContext();
	const alicePage = await aliceContext.newPage();
	const faridPage = await faridContext.newPage();
	const bobPage = await bobContext.newPage();

	await alicePage.goto(deskUrl);
	await faridPage.goto(deskUrl);
	await expect(alicePage.getByRole('heading', { name: 'Desk MédiaLab' })).toBeVisible();
	await expect(alicePage.getByText('Aucune demande en attente.')).toBeVisible();
	await expect(alicePage.getByText('Mises à jour en direct')).toBeVisible();
	await expectAccessible(alicePage);

	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(workshopUrl));

	await bobPage.getByRole('button', { name: 'Demander de l’aide' }).click();
	const dialog = bobPage.getByRole('dialog', { name: 'Demander de l’aide à l’équipe MédiaLab' });
	await expect(dialog).toBeVisible();
	await expectAccessible(bobPage);
	await dialog.getByLabel('Où êtes-vous ? (salle, table)').fill('Salle Loire, table 3');
	await dialog.getByLabel('Ce qui bloque (facultatif)').fill('Je ne sais pas où écrire');
	await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(bobPage.getByRole('status').filter({ hasText: 'Demande envoyée' })).toBeVisible();

	// Both desks get it without reloading.
	for (const page of [alicePage, faridPage]) {
		const request = page.getByRole('listitem').filter({ hasText: 'Salle Loire, table 3' });
		await expect(request).toBeVisible();
		await expect(request).toContainText('Bob');
		await expect(request).toContainText('Je ne sais pas où écrire');
	}
	await faridPage.getByRole('listitem').filter({ hasText: 'Salle Loire, table 3' }).getByRole('button', { name: 'J’y vais' }).click();
	await expect(faridPage.getByText('Vous y allez')).toBeVisible();
	await expect(alicePage.getByText('Pris en charge par Farid Benali')).toBeVisible();
	await expect(alicePage.getByRole('button', { name: 'J’y vais' })).toHaveCount(0);
	await expect(bobPage.getByText('Quelqu’un arrive : Farid Benali')).toBeVisible({ timeout: 10_000 });
	await expectAccessible(alicePage);

	// Screenshots of the desk and the wall, on a phone and a laptop.
	for (const [width, height] of [
		[360, 740],
		[1280, 800]
	] as const) {
		await alicePage.setViewportSize({ width, height });
		await alicePage.screenshot({ path: path.join(os.tmpdir(), `desk-${width}x${height}.png`), fullPage: true });
		await alicePage.goto(`/editions/${edition.id}/live`);
		await expect(alicePage.getByRole('heading', { name: 'Ateliers en cours' })).toBeVisible();
		await expect(alicePage.getByRole('img', { name: /QR code pour rejoindre/ })).toBeVisible();
		await alicePage.screenshot({ path: path.join(os.tmpdir(), `wall-${width}x${height}.png`), fullPage: true });
		await expectAccessible(alicePage);
		await alicePage.goto(deskUrl);
	}

	// Farid is done: the request leaves the desk; Bob's page says so.
	await faridPage.getByRole('button', { name: 'Terminé' }).click();
	await expect(alicePage.getByText('Aucune demande en attente.')).toBeVisible();
	await expect(bobPage.getByText('Votre demande est close. Merci !')).toBeVisible({ timeout: 10_000 });

	// Not staff: the desk does not exist for Bob.
	const response = await bobPage.goto(deskUrl);
	expect(response?.status()).toBe(404);

	// « Aidant » has its own journey: desk-assisted.spec.ts.
	await Promise.all([aliceContext.close(), faridContext.close(), bobContext.close()]);
});
