// Story: Rachid stars two sessions of a published programme with the keyboard, subscribes his calendar to his own
// address, which serves only his picks without any login, then renews it and the old one stops answering.
import { request as playwrightRequest } from '@playwright/test';
import { fixture } from '../unit/programme-import/fixtures';
import { expect, expectAccessible, test, type Person } from './fixtures';
import type { App } from '../../server/app';

function publishedProgramme(app: App, organiser: Person, title: string) {
	const edition = app.editions.create(organiser.viewer, { title, startsOn: '2026-10-08', endsOn: '2026-10-09' });
	app.programmeImport.apply(organiser.viewer, edition.id, app.programmeImport.prepare(organiser.viewer, edition.id, fixture('pretalx-dialect.xml')));
	app.editions.setStatus(organiser.viewer, edition.id, { status: 'published' });
	return edition;
}

test('a reader picks sessions with the keyboard and subscribes to a personal calendar that needs no login', async ({ page, app, createPerson, logIn, baseURL }) => {
	const olivia = await createPerson('Olivia');
	const rachid = await createPerson('Rachid');
	const edition = publishedProgramme(app, olivia, 'NEC 2026 mon programme');
	await logIn(page.context(), rachid);
	const star = (title: string) => page.getByRole('button', { name: `Dans mon programme : « ${title} »` });

	await test.step('he stars two sessions from the keyboard; each star says it is pressed', async () => {
		await page.goto(`/editions/${edition.id}?view=list`);
		await expect(page.getByRole('link', { name: 'Mon programme (0)' })).toBeVisible();
		for (const title of ['Cartographier les lieux de médiation', 'Nuit du code ouvert']) {
			await star(title).focus();
			await page.keyboard.press('Enter');
			await expect(star(title)).toHaveAttribute('aria-pressed', 'true');
		}
		await expect(page.getByRole('link', { name: 'Mon programme (2)' })).toBeVisible();
		await expectAccessible(page);
	});

	let first = '';
	await test.step('« Mon programme » lists them and gives his calendar address', async () => {
		await page.getByRole('link', { name: 'Mon programme (2)' }).click();
		await expect(page.getByRole('heading', { name: /Mon programme/ })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Mon programme' }).getByRole('listitem')).toHaveCount(2);
		await page.getByRole('button', { name: 'Obtenir mon lien d’agenda' }).click();
		first = await page.getByLabel('Lien de mon agenda').inputValue();
		expect(first).toMatch(new RegExp(`^${baseURL}/calendar/mlcal_[a-z2-7]{32}\\.ics$`));
		await expectAccessible(page);
	});

	await test.step('a calendar app with no cookie reads only his two sessions', async () => {
		const calendarApp = await playwrightRequest.newContext();
		const ics = await calendarApp.get(first);
		expect(ics.status()).toBe(200);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		const body = await ics.text();
		expect(body.match(/^UID:/gm)).toHaveLength(2);
		expect(body).toContain('SUMMARY:Cartographier les lieux de médiation');
		expect(body).toContain('X-WR-CALNAME:Mon programme — NEC 2026 mon programme');
		expect(body).toMatch(/^SEQUENCE:\d+\r$/m);

		await page.getByRole('button', { name: 'Renouveler le lien (l’ancien cesse de fonctionner)' }).click();
		await expect(page.getByText('Nouveau lien créé : l’ancien ne fonctionne plus.')).toBeVisible();
		await expect(page.getByLabel('Lien de mon agenda')).not.toHaveValue(first);
		const second = await page.getByLabel('Lien de mon agenda').inputValue();
		expect((await calendarApp.get(first)).status()).toBe(404);
		expect((await calendarApp.get(second)).status()).toBe(200);
		await calendarApp.dispose();
	});

	await test.step('a reader without an account sees no star', async () => {
		await page.context().clearCookies();
		await page.goto(`/editions/${edition.id}?view=list`);
		await expect(page.getByRole('heading', { name: 'Cartographier les lieux de médiation' })).toBeVisible();
		await expect(star('Cartographier les lieux de médiation')).toHaveCount(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the star still picks a session and comes back to the programme', async ({ page, app, createPerson, logIn }) => {
		const olivia = await createPerson('Olivia');
		const sacha = await createPerson('Sacha');
		const edition = publishedProgramme(app, olivia, 'NEC 2026 sans JS');
		await logIn(page.context(), sacha);
		await page.goto(`/editions/${edition.id}?view=list`);
		await page.getByRole('button', { name: 'Dans mon programme : « Nuit du code ouvert »' }).click();
		await expect(page).toHaveURL(new RegExp(`/editions/${edition.id}\\?view=list$`));
		await expect(page.getByRole('button', { name: 'Dans mon programme : « Nuit du code ouvert »' })).toHaveAttribute('aria-pressed', 'true');
		expect(app.myProgramme.state(sacha.viewer, edition.id)!.picked).toHaveLength(1);
	});
});
