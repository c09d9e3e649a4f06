// What was left of « what people feel »: the archive and search on the edition's clock, downloads that say how they are
// going, the kit diff by module with its words marked, one preview replacing another in the drive, and a home search
// field whose example a phone shows whole. Each journey at phone and desktop sizes, checked by axe.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { App } from '../../server/app';
import { expect, expectAccessible, test } from './fixtures';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const shots = process.env.E2E_SHOTS_DIR;
if (shots) fs.mkdirSync(shots, { recursive: true });
/** Screenshots for a person to look at, when asked for (E2E_SHOTS_DIR); the assertions do not depend on them. */
const shot = async (page: Page, name: string, fullPage = false) => {
	if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
};

const demoEditionId = (app: App) => app.editions.listPublished().find((e) => e.title === 'Numérique en Commun[s] 2018')!.id;

test('the archive names the edition’s clock: always when it cannot tell the reader’s, only when it differs once it can', async ({ browser, app }) => {
	const editionId = demoEditionId(app);
	const deliverable = app.archive.edition(editionId).deliverables[0]!;
	const note = (page: Page) => page.locator('.zone-note');

	// A first visit, straight to the archive (no script there): nobody knows the reader's clock, so the zone is named.
	const first = await browser.newContext({ timezoneId: 'Indian/Reunion', viewport: phone });
	const page = await first.newPage();
	await page.goto(`/archive/${editionId}`);
	await expect(note(page)).toHaveText('Heures de l’événement, fuseau Europe/Paris.');
	// Any page of the app learns the reader's zone; the archive then says it is another one.
	await page.goto('/');
	await expect.poll(async () => (await first.cookies()).find((c) => c.name === 'ml_tz')?.value).toBe('Indian%2FReunion');
	await page.goto(`/archive/${editionId}/deliverables/${deliverable.id}`);
	await expect(note(page)).toHaveText('Heures de l’événement, fuseau Europe/Paris (votre appareil est réglé sur un autre fuseau).');
	await expect(page.locator('header time').filter({ hasText: /Publié le \d{1,2} \S+ 2018/ })).toBeVisible();
	await shot(page, 'archive-deliverable-phone');
	await expectAccessible(page);
	await first.close();

	// A reader in Paris is told nothing: the times are theirs.
	const paris = await browser.newContext({ timezoneId: 'Europe/Paris', viewport: desktop });
	const parisPage = await paris.newPage();
	await parisPage.goto('/');
	await expect.poll(async () => (await paris.cookies()).some((c) => c.name === 'ml_tz')).toBe(true);
	await parisPage.goto(`/archive/${editionId}`);
	await expect(parisPage.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(note(parisPage)).toHaveCount(0);
	await shot(parisPage, 'archive-programme-desktop');
	await paris.close();
});

test('a search hit read from another clock names the edition’s zone', async ({ browser }) => {
	const context = await browser.newContext({ timezoneId: 'Indian/Reunion', viewport: phone });
	const page = await context.newPage();
	const hit = page.getByRole('article').filter({ hasText: 'Identifier les ressources' }).first();
	await expect(async () => {
		await page.goto('/search?q=identifier+ressources');
		await expect(hit).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	// 2018-09 in Paris is UTC+2; La Réunion reads UTC+4, so the time says which clock it is on.
	await expect(hit.locator('.where')).toContainText(/2018, \d{2}h\d{2} \(UTC\+2\)/);
	await shot(page, 'search-zone-phone');
	await expectAccessible(page);
	await context.close();
});

test('exporting the archive says it is preparing, shows progress, gives one file per click and says when it failed', async ({ page, app }) => {
	const editionId = demoEditionId(app);
	await page.setViewportSize(phone);
	await page.goto(`/archive/${editionId}/export`);
	const siteLink = page.getByRole('link', { name: 'Site statique (zip, consultable hors ligne)' });
	await expect(siteLink).toHaveAttribute('download', /-archive\.zip$/);
	await expectAccessible(page);

	const downloads: string[] = [];
	page.on('download', (d) => downloads.push(d.suggestedFilename()));
	const status = page.locator('#export-site-status').getByRole('status');
	// The server takes its time building the site: held here until the page has shown it is preparing.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/site.zip', async (route) => {
		await held;
		await route.continue();
	});
	await siteLink.click();
	await expect(status).toHaveText(/^Préparation de .*-archive\.zip…$/);
	await expect(siteLink).toHaveAttribute('aria-disabled', 'true');
	await shot(page, 'export-preparing-phone');
	// A second click while the first is under way starts nothing (forced: the link says it is busy, and Playwright would wait).
	await siteLink.click({ force: true });
	release();
	await expect(status).toHaveText(/-archive\.zip est téléchargé\.$/, { timeout: 20_000 });
	await expect(page.getByRole('progressbar', { name: 'Progression du téléchargement' })).toBeVisible();
	await expect(page.locator('#export-site-status')).toContainText(/\d+(,\d)? (Ko|Mo) reçus/);
	await expect.poll(() => downloads.length).toBe(1);
	expect(downloads[0]).toMatch(/-archive\.zip$/);
	await shot(page, 'export-done-phone');
	await expectAccessible(page);

	// The network drops: the page says so and offers the plain link.
	await page.route('**/open-data.json', (route) => route.abort('connectionreset'));
	await page.getByRole('link', { name: 'open-data.json' }).first().click();
	const jsonStatus = page.locator('#export-json-status');
	await expect(jsonStatus.getByRole('status')).toHaveText(/Le téléchargement de .*-open-data\.json a échoué/);
	await expect(jsonStatus.getByRole('link', { name: 'Lien direct' })).toHaveAttribute('href', `/archive/${editionId}/export/open-data.json`);
	await page.setViewportSize(desktop);
	await shot(page, 'export-failed-desktop');
});

test('without JavaScript the exports are plain download links', async ({ browser, app }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/archive/${demoEditionId(app)}/export`);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Site statique (zip, consultable hors ligne)' }).click();
	expect((await downloading).suggestedFilename()).toMatch(/-archive\.zip$/);
	await context.close();
});

test('the kit diff shows changes by module, with the changed words marked in words too', async ({ page, app, createPerson, logIn }) => {
	const nadia = await createPerson('Nadia');
	await logIn(page.context(), nadia);
	const edition = app.kits.fork(nadia.viewer, app.kits.getBuiltIn('nec-contributif'), { title: 'NEC Lorient 2027', city: 'Lorient', startsOn: '2027-04-01', endsOn: '2027-04-02' });
	const template = fs.readFileSync('kits/nec-contributif/templates/atelier-contributif.md', 'utf8');
	app.kits.saveTemplate(nadia.viewer, edition.id, { format: 'atelier-contributif', title: 'Atelier contributif', body: template.replace('## Participants', '## Participants lorientais') });

	await page.setViewportSize(phone);
	await page.goto(`/editions/${edition.id}/manage/kit/diff`);
	const parts = page.getByRole('navigation', { name: 'Parties modifiées' });
	await expect(parts.getByRole('link')).toHaveText(['Manifeste (kit.json)', 'Formats de documentation']);
	await shot(page, 'kit-diff-top-phone');
	await parts.getByRole('link', { name: 'Formats de documentation' }).click();
	const templates = page.getByRole('region', { name: 'Formats de documentation' });
	await expect(templates.getByRole('heading', { level: 3, name: /templates\/atelier-contributif\.md/ })).toBeVisible();
	// The edited line keeps its unchanged words plain; the new word is an <ins> that says so.
	const ins = templates.locator('ins');
	await expect(ins).toHaveCount(1);
	await expect(ins).toHaveText('[mots ajoutés] lorientais');
	await expect(templates.locator('del')).toHaveCount(0);
	await expect(templates.getByText('1 ligne ajoutée, 1 supprimée').first()).toBeVisible();
	await templates.locator('ins').scrollIntoViewIfNeeded();
	await shot(page, 'kit-diff-words-phone');
	await expectAccessible(page);
	await page.setViewportSize(desktop);
	await page.locator('#module-manifest').scrollIntoViewIfNeeded();
	await shot(page, 'kit-diff-desktop');
});

test('a second « Aperçu » replaces the open preview and takes the focus; closing gives it back', async ({ page, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { edition, workshopId } = liveWorkshop(alice, 'NEC deux aperçus');
	await logIn(page.context(), alice);
	await page.setViewportSize(phone);
	await page.goto(`/editions/${edition.id}/workshops/${workshopId}/drive`);
	await expect(page.getByText('En ligne, enregistré')).toBeVisible();
	await page.getByLabel('Ajouter des fichiers').setInputFiles([
		{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Première note : on garde les gobelets.\n') },
		{ name: 'liste.txt', mimeType: 'text/plain', buffer: Buffer.from('Deuxième liste : micro, rallonge, feutres.\n') }
	]);
	await expect(page.getByText('liste.txt a été ajouté.')).toBeVisible();

	await page.getByRole('button', { name: 'Aperçu notes.txt' }).click();
	await expect(page.getByRole('heading', { name: 'Aperçu de notes.txt' })).toBeFocused();
	await expect(page.getByRole('region', { name: 'Aperçu de notes.txt' })).toContainText('on garde les gobelets');

	// Without closing the first: the second file's preview takes its place, in view and focused.
	await page.getByRole('button', { name: 'Aperçu liste.txt' }).click();
	const second = page.getByRole('heading', { name: 'Aperçu de liste.txt' });
	await expect(second).toBeFocused();
	await expect(second).toBeInViewport();
	await expect(page.getByRole('region', { name: 'Aperçu de liste.txt' })).toContainText('micro, rallonge, feutres');
	await expect(page.getByRole('region', { name: 'Aperçu de notes.txt' })).toHaveCount(0);
	await shot(page, 'drive-second-preview-phone');
	await expectAccessible(page);

	// The keyboard too: Enter on the first file's button swaps back.
	await page.getByRole('button', { name: 'Aperçu notes.txt' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Aperçu de notes.txt' })).toBeFocused();
	await page.getByRole('button', { name: 'Fermer l’aperçu' }).click();
	await expect(page.getByRole('button', { name: 'Aperçu notes.txt' })).toBeFocused();
});

test('the search fields (home and search page) show their whole example on a phone', async ({ page }) => {
	const fields = [
		{ url: '/', name: 'Chercher dans les archives', shotName: 'home-search' },
		{ url: '/search', name: 'Mots à chercher', shotName: 'search-page' }
	];
	for (const { url, name, shotName } of fields) {
		for (const size of [{ width: 360, height: 740 }, phone, desktop]) {
			await page.setViewportSize(size);
			await page.goto(url);
			const field = page.getByRole('searchbox', { name });
			await expect(field).toHaveAttribute('placeholder', 'ex. : inclusion numérique');
			// The placeholder's text, measured in the field's own font, fits the room inside the field.
			const { needed, room } = await field.evaluate((input: HTMLInputElement) => {
				const style = getComputedStyle(input);
				const context = document.createElement('canvas').getContext('2d')!;
				context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
				const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				return { needed: context.measureText(input.placeholder).width, room };
			});
			expect(needed, `${url} at ${size.width} px`).toBeLessThanOrEqual(room);
			await shot(page, `${shotName}-${size.width}`);
		}
		await expectAccessible(page);
	}
});

test('the built-in kit and a person’s own data download with the same feedback', async ({ page, createPerson, logIn }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/kits/nec-contributif');
	const kitLink = page.getByRole('link', { name: 'Télécharger le kit (zip)' });
	const downloading = page.waitForEvent('download');
	await kitLink.click();
	expect((await downloading).suggestedFilename()).toMatch(/^nec-contributif-\d+\.\d+\.\d+\.zip$/);
	const kitStatus = page.locator('#kit-download-status');
	await expect(kitStatus.getByRole('status')).toHaveText(/^nec-contributif-[\d.]+\.zip est téléchargé\.$/);
	// The kit's size is known: the bar says how much of it arrived.
	await expect(kitStatus.getByRole('progressbar', { name: 'Progression du téléchargement' })).toHaveAttribute('max', /^\d+$/);
	await expect(kitStatus).toContainText(/reçus sur/);
	await shot(page, 'kit-page-download-360');
	await expectAccessible(page);

	const lea = await createPerson('Léa');
	await logIn(page.context(), lea);
	await page.setViewportSize(desktop);
	await page.goto('/account/data');
	const zip = page.waitForEvent('download');
	await page.getByRole('link', { name: /zip/ }).click();
	expect((await zip).suggestedFilename()).toBe('my-data.zip');
	await expect(page.locator('#my-data-zip-status').getByRole('status')).toHaveText('my-data.zip est téléchargé.');
	await shot(page, 'account-data-desktop');
	await expectAccessible(page);
});
