// Story: during a live workshop, Bob (a guest who scanned the QR code) shares files; Alice (facilitator) sees them live.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c50000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const EVIL_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

/** No script from a user file may ever run in the app's origin: any dialog fails the test. */
function forbidDialogs(page: Page, who: string) {
	page.on('dialog', (dialog) => {
		throw new Error(`${who} saw a dialog: ${dialog.message()}`);
	});
}

test('a guest shares files that everyone sees live, with previews, safely, by keyboard', async ({ browser, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { edition, workshopId, joinCode } = liveWorkshop(alice, 'NEC fichiers');
	const driveUrl = `/editions/${edition.id}/workshops/${workshopId}/drive`;

	// Separate contexts: BroadcastChannel would otherwise sync the tabs without the server.
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const bobContext = await browser.newContext();
	const alicePage = await aliceContext.newPage();
	const bobPage = await bobContext.newPage();
	forbidDialogs(alicePage, 'Alice');
	forbidDialogs(bobPage, 'Bob');

	await alicePage.goto(driveUrl);
	await expect(alicePage.getByText('En ligne, enregistré')).toBeVisible();

	// Bob joins with his first name only, then adds an image and a PDF.
	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(workshopId));
	await bobPage.goto(driveUrl);
	await bobPage.getByLabel('Ajouter des fichiers').setInputFiles([
		{ name: 'photo.png', mimeType: 'image/png', buffer: PNG },
		{ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: PDF }
	]);
	await expect(bobPage.getByRole('progressbar', { name: 'Envoi de photo.png' })).toBeVisible();
	await expect(bobPage.getByRole('progressbar', { name: 'Envoi de compte-rendu.pdf' })).toHaveAttribute('value', '100');
	await expect(bobPage.getByText('photo.png a été ajouté.')).toBeVisible();

	// Alice sees both arrive, and previews them.
	const aliceFiles = alicePage.getByRole('list', { name: 'Fichiers de ce dossier' });
	await expect(aliceFiles.getByRole('listitem').filter({ hasText: 'photo.png' })).toContainText('ajouté par Bob');
	await expect(aliceFiles.getByRole('listitem').filter({ hasText: 'compte-rendu.pdf' })).toBeVisible();
	await alicePage.getByRole('button', { name: 'Aperçu photo.png' }).click();
	await expect(alicePage.getByRole('img', { name: 'photo.png' })).toBeVisible();
	await expect.poll(() => alicePage.getByRole('img', { name: 'photo.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await alicePage.getByRole('button', { name: 'Aperçu compte-rendu.pdf' }).click();
	await expect(alicePage.locator('iframe[title="compte-rendu.pdf"]')).toBeVisible();
	await expectAccessible(alicePage);

	// An SVG carrying script: listed, never rendered, downloaded as an attachment under a sandbox policy.
	await bobPage.getByLabel('Ajouter des fichiers').setInputFiles({ name: 'carte.svg', mimeType: 'image/svg+xml', buffer: EVIL_SVG });
	// By keyboard: the PDF viewer loading above may scroll the page under a pointer click.
	await alicePage.getByRole('button', { name: 'Aperçu carte.svg' }).focus();
	await alicePage.keyboard.press('Enter');
	await expect(alicePage.getByText('Ce fichier peut contenir du code')).toBeVisible();
	const download = alicePage.waitForEvent('download');
	await alicePage.getByRole('region', { name: 'Aperçu de carte.svg' }).getByRole('link', { name: 'Télécharger carte.svg' }).click();
	expect((await download).suggestedFilename()).toBe('carte.svg');
	const fileUrl = (await alicePage.getByRole('link', { name: 'Télécharger carte.svg' }).first().getAttribute('href'))!.replace('?download=1', '');
	const served = await alicePage.request.get(fileUrl);
	expect(served.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
	expect(served.headers()['content-disposition']).toMatch(/^attachment/);
	expect(served.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
	expect(served.headers()['x-content-type-options']).toBe('nosniff');
	expect((await bobContext.request.get(fileUrl.replace(/[a-z0-9]+$/, 'zzzzzzzzzzzzzzzz'))).status()).toBe(404);
	expect((await browser.newContext().then((c) => c.request.get(`http://127.0.0.1:${new URL(alicePage.url()).port}${fileUrl}`))).status()).toBe(404);

	// Keyboard only: Bob renames the photo and puts it in the trash; Alice restores it.
	await bobPage.getByRole('button', { name: 'Renommer photo.png' }).focus();
	await bobPage.keyboard.press('Enter');
	await expect(bobPage.getByLabel('Nouveau nom')).toBeFocused();
	await bobPage.keyboard.press('ControlOrMeta+a');
	await bobPage.keyboard.type('affiche.png');
	await bobPage.keyboard.press('Enter');
	await expect(aliceFiles.getByRole('listitem').filter({ hasText: 'affiche.png' })).toBeVisible();
	await bobPage.getByRole('button', { name: 'Mettre à la corbeille affiche.png' }).focus();
	await bobPage.keyboard.press('Enter');
	await expect(aliceFiles.getByRole('listitem').filter({ hasText: 'affiche.png' })).toHaveCount(0);
	await alicePage.getByRole('button', { name: 'Corbeille (1)' }).focus();
	await alicePage.keyboard.press('Enter');
	await alicePage.getByRole('button', { name: 'Restaurer affiche.png' }).focus();
	await alicePage.keyboard.press('Enter');
	await expect(aliceFiles.getByRole('listitem').filter({ hasText: 'affiche.png' })).toBeVisible();
	await expect(bobPage.getByRole('list', { name: 'Fichiers de ce dossier' }).getByRole('listitem').filter({ hasText: 'affiche.png' })).toBeVisible();
	await expectAccessible(bobPage);

	await aliceContext.close();
	await bobContext.close();
});
