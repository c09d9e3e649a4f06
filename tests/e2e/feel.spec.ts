// What people feel as new users: a finished workshop is read, not joined; the programme fits a phone; numbers speak
// French (« 1 personne »); the key figures are pictures a screen reader can name.
import type { App } from '../../server/app';
import { expect, expectAccessible, test } from './fixtures';

const demoEditionId = (app: App) => app.editions.listPublished().find((e) => e.title === 'Numérique en Commun[s] 2018')!.id;
const demoWorkshop = (app: App, title: string) =>
	app.db.prepare('SELECT id, join_code AS joinCode FROM workshops WHERE title = ?').get(title) as { id: string; joinCode: string };

test('a finished workshop offers « Lire », on its page and through its join link', async ({ page, app }) => {
	const editionId = demoEditionId(app);
	const workshop = demoWorkshop(app, 'Identifier les ressources');
	await page.goto(`/editions/${editionId}/workshops/${workshop.id}`);
	const panel = page.locator('#join');
	await expect(panel.getByRole('heading', { name: 'Atelier terminé' })).toBeVisible();
	await expect(panel.getByRole('link', { name: 'Lire' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Rejoindre/ })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto(`/join/${workshop.joinCode}`);
	await expect(page.getByRole('heading', { name: 'Cet atelier est terminé' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Rejoindre/ })).toHaveCount(0);
	await page.getByRole('link', { name: 'Lire' }).click();
	await expect(page).toHaveURL(new RegExp(`/workshops/${workshop.id}$`));
});

test('on a 360px phone the programme is a list by time with the day in sight, a grid from tablets up', async ({ page, app }) => {
	const editionId = demoEditionId(app);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/editions/${editionId}`);
	await expect(page.getByTestId('programme-phone-list')).toBeVisible();
	await expect(page.getByTestId('programme-grid')).toBeHidden();
	const firstDay = page.getByTestId('programme-phone-list').getByRole('heading', { level: 3 }).first();
	await expect(firstDay).toHaveCSS('position', 'sticky');
	// Nothing wider than the screen: no sideways scrolling.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);

	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(page.getByTestId('programme-grid')).toBeVisible();
	await expect(page.getByTestId('programme-phone-list')).toBeHidden();
});

test('one person on a pad reads « 1 personne », not « 1 personne(s) »', async ({ browser, createPerson, logIn, liveWorkshop, app }) => {
	const alice = await createPerson('Alice Martin');
	const { workshopId, workshopUrl } = liveWorkshop(alice, 'NEC pluriels');
	const pad = app.pads.create(alice.viewer, workshopId, { title: 'Notes' });
	const context = await browser.newContext();
	await logIn(context, alice);
	const page = await context.newPage();
	await page.goto(`${workshopUrl}/pads/${pad.id}`);
	await expect(page.getByText('1 personne sur ce pad', { exact: true })).toBeVisible();
	await expect(page.getByText(/\(s\)/)).toHaveCount(0);
	await context.close();
});

test('the key figures are drawn as named SVG charts, with no script', async ({ page, app }) => {
	await page.goto(`/archive/${demoEditionId(app)}/figures`);
	const chart = page.getByRole('img', { name: 'Nombre d’ateliers par format' });
	await expect(chart).toBeVisible();
	await expect(chart.locator('title')).toHaveText('Nombre d’ateliers par format');
	await expect(page.getByRole('img', { name: 'Contributions heure par heure pendant l’événement' })).toBeVisible();
	// Drawn on the server: the page ships no script, and the numbers stay readable as a table.
	expect(await page.locator('script').count()).toBe(0);
	await expect(page.getByRole('table').first()).toBeVisible();
	await expectAccessible(page);
});

test('the home page says what is live, what is next and what was published last, with a search box', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('search').getByLabel('Chercher dans les archives')).toBeVisible();
	const latest = page.getByRole('region', { name: 'Derniers livrables publiés' });
	await expect(latest.getByRole('listitem').first()).toContainText('publié le');
	await expect(latest).toContainText('2018');
	await expectAccessible(page);
});
