// Story: Olivia imports her pretalx schedule, checks the preview, applies it, then imports the next version and sees only what changed.
import { fixture, laterVersion } from '../unit/programme-import/fixtures';
import { expect, expectAccessible, test } from './fixtures';

test('an organiser imports a pretalx schedule, then re-imports a changed version and sees only the change', async ({ page, app, createPerson, logIn }) => {
	const olivia = await createPerson('Olivia Organisatrice');
	const edition = app.editions.create(olivia.viewer, { title: 'Numérique en Commun[s] 2026', startsOn: '2026-10-08', endsOn: '2026-10-09' });
	await logIn(page.context(), olivia);
	const xml = fixture('pretalx-dialect.xml');

	await test.step('Olivia uploads schedule.xml and sees a preview before anything is saved', async () => {
		await page.goto(`/editions/${edition.id}/manage/import`);
		await page.getByLabel(/^Fichier/).setInputFiles({ name: 'schedule.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
		await page.getByRole('button', { name: 'Voir les changements' }).click();
		await expect(page.getByRole('heading', { name: 'Aperçu de l’import' })).toBeVisible();
		await expect(page.getByText('À ajouter : 4 · à modifier : 0 · à annuler : 0 · inchangées : 0')).toBeVisible();
		await expect(page.getByRole('row', { name: /Identifiant déjà vu plus haut/ })).toBeVisible();
		await expectAccessible(page);
		expect(app.workshops.programme(olivia.viewer, edition.id).workshops).toHaveLength(0);
	});

	await test.step('she maps « Hackathon » to Sprint and applies', async () => {
		await page.getByLabel('Format · Hackathon').selectOption('sprint');
		await page.getByRole('button', { name: 'Appliquer' }).click();
		await expect(page.getByText('Import appliqué.')).toBeVisible();
		await expect(page.getByText('Ateliers ajoutés : 4')).toBeVisible();
	});

	const before = new Map(app.workshops.programme(olivia.viewer, edition.id).workshops.map((w) => [w.title, w.id]));

	await test.step('she imports the next version: only the retitled, moved and removed sessions are listed', async () => {
		await page.getByLabel('Ou collez son contenu').fill(laterVersion(xml));
		await page.getByRole('button', { name: 'Voir les changements' }).click();
		await expect(page.getByText('À ajouter : 0 · à modifier : 2 · à annuler : 1 · inchangées : 1')).toBeVisible();
		const changes = page.getByRole('table').first();
		await expect(changes.getByRole('row')).toHaveCount(4);
		await expect(changes.getByRole('row', { name: /Modifiée : renommée/ })).toContainText('Ouverture officielle');
		await expect(changes.getByRole('row', { name: /Modifiée : déplacée \(horaire\), déplacée \(salle\)/ })).toContainText('Salle 3');
		await expect(changes.getByRole('row', { name: /Annulée/ })).toContainText('Nuit du code ouvert');
		await expect(page.getByText('choix retenu au dernier import').first()).toBeVisible();
		await page.getByRole('button', { name: 'Appliquer' }).click();
		await expect(page.getByText('Ateliers modifiés : 2')).toBeVisible();
		await expect(page.getByText('Ateliers annulés : 1')).toBeVisible();
	});

	await test.step('the workshops kept their ids; the programme lists the cancelled session apart and offers the calendar', async () => {
		const after = app.workshops.programme(olivia.viewer, edition.id).workshops;
		expect(after.find((w) => w.title === 'Cartographier les lieux de médiation')!.id).toBe(before.get('Cartographier les lieux de médiation'));
		await page.goto(`/editions/${edition.id}`);
		await expect(page.getByRole('region', { name: 'Annulé' })).toContainText('Nuit du code ouvert');
		const href = await page.getByRole('link', { name: 'Agenda (.ics)' }).getAttribute('href');
		const ics = await page.request.get(href!);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		const body = await ics.text();
		expect(body.match(/^UID:/gm)).toHaveLength(4);
		expect(body).toContain('STATUS:CANCELLED');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an organiser on a locked-down laptop previews and applies an iCalendar import, and sees a bad file refused in French', async ({ page, app, createPerson, logIn }) => {
		const dominique = await createPerson('Dominique');
		const edition = app.editions.create(dominique.viewer, { title: 'NEC sans JS', startsOn: '2026-10-08', endsOn: '2026-10-09' });
		await logIn(page.context(), dominique);

		await page.goto(`/editions/${edition.id}/manage/import`);
		await page.getByLabel('Ou collez son contenu').fill('<schedule>\n<day>\n</schedule>');
		await page.getByRole('button', { name: 'Voir les changements' }).click();
		await expect(page.getByRole('alert')).toContainText('Le fichier XML est mal formé');
		await expect(page.getByRole('alert')).toContainText('Ligne 3');

		await page.getByLabel(/^Fichier/).setInputFiles({ name: 'agenda.ics', mimeType: 'text/calendar', buffer: Buffer.from(fixture('agenda.ics')) });
		await page.getByRole('button', { name: 'Voir les changements' }).click();
		await expect(page.getByText('À ajouter : 3 · à modifier : 0 · à annuler : 0 · inchangées : 0')).toBeVisible();
		await expect(page.getByRole('row', { name: /Annulée dans la source/ })).toContainText('Séance annulée');
		await page.getByRole('button', { name: 'Appliquer' }).click();
		await expect(page.getByText('Ateliers ajoutés : 3')).toBeVisible();
		const titles = app.workshops.programme(dominique.viewer, edition.id).workshops.map((w) => [w.title, w.startsAt]);
		expect(titles).toEqual([
			['Atelier données ouvertes', '2026-10-08T10:00'],
			['Table ronde, inclusion', '2026-10-08T14:00'],
			['Forum ouvert', '2026-10-09T09:00']
		]);
	});
});
