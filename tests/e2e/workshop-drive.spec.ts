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

const MP3 = Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000rest-of-an-mp3-recording');

test('folders are renamed, moved, trashed with their contents and restored; a recording dropped in gets a transcript; the trash is emptied', async ({ browser, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { edition, workshopId } = liveWorkshop(alice, 'NEC dossiers');
	const driveUrl = `/editions/${edition.id}/workshops/${workshopId}/drive`;
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	// Alice also has the drive open on the room's screen (another browser): changes must arrive there through the server.
	const screenContext = await browser.newContext();
	await logIn(screenContext, alice);
	const page = await aliceContext.newPage();
	forbidDialogs(page, 'Alice');
	await page.goto(driveUrl);
	await expect(page.getByText('En ligne, enregistré')).toBeVisible();

	for (const name of ['Sons', 'Archives']) {
		await page.getByLabel('Nom du nouveau dossier').fill(name);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('link', { name: `Ouvrir le dossier ${name}` })).toBeVisible();
	}

	// Alice opens « Sons » and drops a recording onto the drop zone (a real drop event carrying the file).
	await page.getByRole('link', { name: 'Ouvrir le dossier Sons' }).click();
	await expect(page.getByRole('link', { name: 'Sons', exact: true })).toHaveAttribute('aria-current', 'location');
	await page.getByRole('group', { name: 'Zone de dépôt des fichiers' }).evaluate((zone, bytes) => {
		const data = new DataTransfer();
		data.items.add(new File([new Uint8Array(bytes)], 'entretien.mp3', { type: 'audio/mpeg' }));
		zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
		zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
	}, [...MP3]);
	await expect(page.getByRole('progressbar', { name: 'Envoi de entretien.mp3' })).toHaveAttribute('value', '100');
	const files = page.getByRole('list', { name: 'Fichiers de ce dossier' });
	await expect(files.getByRole('listitem').filter({ hasText: 'entretien.mp3' })).toBeVisible();

	// Its transcript, typed beside the player.
	await page.getByRole('button', { name: 'Aperçu entretien.mp3' }).click();
	const preview = page.getByRole('region', { name: 'Aperçu de entretien.mp3' });
	await expect(preview.locator('audio[aria-label="entretien.mp3"]')).toBeVisible();
	await preview.getByLabel('Texte de la transcription').fill('Bonjour, nous parlons des communs numériques.');
	await preview.getByRole('button', { name: 'Enregistrer la transcription' }).click();
	await expect(preview.getByText('Enregistré.')).toBeVisible();
	const screen = await screenContext.newPage();
	await screen.goto(`${driveUrl}?folder=${new URL(page.url()).searchParams.get('folder')}`);
	await screen.getByRole('button', { name: 'Aperçu entretien.mp3' }).click();
	await expect(screen.getByRole('region', { name: 'Aperçu de entretien.mp3' }).getByLabel('Texte de la transcription')).toHaveValue('Bonjour, nous parlons des communs numériques.');
	await screen.goto(driveUrl);

	// Back at the root, by keyboard: rename « Sons », then move it into « Archives » (never into itself).
	await page.getByRole('link', { name: 'Tous les fichiers' }).click();
	await page.getByRole('button', { name: 'Renommer Sons' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Nouveau nom')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Podcasts');
	await page.keyboard.press('Enter');
	await expect(screen.getByRole('link', { name: 'Ouvrir le dossier Podcasts' })).toBeVisible();
	await page.getByRole('button', { name: 'Déplacer Podcasts' }).focus();
	await page.keyboard.press('Enter');
	const destination = page.getByLabel('Dossier de destination');
	await expect(destination).toBeFocused();
	await expect(destination.getByRole('option')).toHaveText(['Tous les fichiers', 'Archives']);
	await destination.selectOption({ label: 'Archives' });
	await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
	await expect(screen.getByRole('link', { name: 'Ouvrir le dossier Podcasts' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Ouvrir le dossier Archives' }).click();
	await expect(page.getByRole('link', { name: 'Ouvrir le dossier Podcasts' })).toBeVisible();

	// To the trash with its recording; from the room's screen it is restored, contents included.
	await page.getByRole('button', { name: 'Mettre le dossier à la corbeille Podcasts' }).click();
	await expect(page.getByRole('link', { name: 'Ouvrir le dossier Podcasts' })).toHaveCount(0);
	await screen.getByRole('button', { name: 'Corbeille (1)' }).click();
	await expect(screen.getByRole('region', { name: 'Corbeille' })).toContainText('Podcasts (avec son contenu)');
	await screen.getByRole('button', { name: 'Restaurer Podcasts' }).click();
	await page.getByRole('link', { name: 'Ouvrir le dossier Podcasts' }).click();
	await expect(files.getByRole('listitem').filter({ hasText: 'entretien.mp3' })).toBeVisible();

	// Trashed again, then gone for good once the trash is emptied (after confirming).
	await page.getByRole('link', { name: 'Archives' }).click();
	await page.getByRole('button', { name: 'Mettre le dossier à la corbeille Podcasts' }).click();
	await screen.getByRole('button', { name: 'Vider la corbeille' }).click();
	await expect(screen.getByText('Supprimer définitivement 1 élément ?')).toBeVisible();
	await expect(screen.getByRole('button', { name: 'Oui, supprimer définitivement' })).toBeFocused();
	await screen.keyboard.press('Enter');
	await expect(screen.getByRole('status').filter({ hasText: 'Corbeille vidée : 1 fichier, 1 dossier' })).toBeVisible();
	await expect(screen.getByRole('region', { name: 'Corbeille' })).toContainText('La corbeille est vide.');
	await expectAccessible(screen);
	await expectAccessible(page);

	await aliceContext.close();
	await screenContext.close();
});

test('without JavaScript the drive lists files with download links and takes uploads; a full drive says why', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { edition, workshopId } = liveWorkshop(alice, 'NEC sans script');
	const driveUrl = `/editions/${edition.id}/workshops/${workshopId}/drive`;
	const context = await browser.newContext({ javaScriptEnabled: false });
	await logIn(context, alice);
	const page = await context.newPage();
	await page.goto(driveUrl);

	await page.getByLabel('Ajouter des fichiers').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes de l’atelier') });
	await page.getByRole('button', { name: 'Envoyer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Fichier ajouté : notes.txt.' })).toBeVisible();
	const link = page.getByRole('list', { name: 'Fichiers de ce dossier' }).getByRole('link', { name: 'Télécharger notes.txt' });
	await expect(link).toBeVisible();
	expect(await (await context.request.get((await link.getAttribute('href'))!)).text()).toBe('Notes de l’atelier');

	// The workshop already holds recordings up to a few bytes under its quota (a row standing for them: the
	// quota counts stored sizes), so the next upload is refused with the reason and what to do about it.
	const quota = app.files.limits.workshopQuotaBytes;
	app.db
		.prepare(
			`INSERT INTO files (id, workshop_id, folder_id, name, sha256, size, mime, kind, active, uploaded_by, uploader_name, uploaded_at, trashed_at, transcript)
			 VALUES (?, ?, NULL, 'captation.mp4', ?, ?, 'video/mp4', 'video', 0, NULL, 'Régie', ?, ?, NULL)`
		)
		.run(`quota${Date.now().toString(36)}`, workshopId, 'e'.repeat(64), quota - 10, new Date().toISOString(), new Date().toISOString());
	await page.getByLabel('Ajouter des fichiers').setInputFiles({ name: 'plus.txt', mimeType: 'text/plain', buffer: Buffer.from('encore quelques octets') });
	await page.getByRole('button', { name: 'Envoyer' }).click();
	await expect(page.getByRole('alert')).toContainText('L’espace de l’atelier est plein : la limite est de 500 Mo au total. Les fichiers de la corbeille comptent');
	await context.close();
});
