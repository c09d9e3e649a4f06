// Story: an organiser on an old, locked-down laptop (JavaScript off) still adds a workshop to the programme.
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('the create-workshop form works without JavaScript, with field errors', async ({ page, context, app, createPerson, logIn }) => {
	const organiser = await createPerson('Dominique');
	const edition = app.editions.create(organiser.viewer, { title: 'NEC sans JS', startsOn: '2026-06-01', endsOn: '2026-06-01' });
	const roomId = app.structure.addRoom(organiser.viewer, edition.id, { name: 'Salle Maxi' });
	await logIn(context, organiser);

	await page.goto(`/editions/${edition.id}/manage/workshops/new`);
	await page.getByLabel('Titre', { exact: true }).fill('Atelier sans script');
	await page.getByLabel('Format').selectOption('masterclass');
	await page.getByLabel('Début').fill('2026-06-01T10:00');
	await page.getByLabel('Fin').fill('2026-06-01T09:00');
	await page.getByLabel('Salle').selectOption(roomId);
	await page.getByRole('button', { name: 'Créer l’atelier' }).click();
	await expect(page.getByText('La fin doit être après le début.')).toBeVisible();
	await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Atelier sans script');

	await page.getByLabel('Fin').fill('2026-06-01T11:30');
	await page.getByRole('button', { name: 'Créer l’atelier' }).click();
	await expect(page.getByRole('link', { name: 'Page publique Atelier sans script' })).toBeVisible();
	const programme = app.workshops.programme(organiser.viewer, edition.id);
	expect(programme.workshops.map((w) => [w.title, w.format, w.room?.name])).toEqual([['Atelier sans script', 'masterclass', 'Salle Maxi']]);
});
