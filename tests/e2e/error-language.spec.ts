// Story: domain errors reach people in their language — a French import page and the JSON API, in French and in English.
import { expect, test } from './fixtures';

test('a refused import reads in French on a French page, and the API answers in the reader’s language', async ({ page, request, app, createPerson, logIn }) => {
	const olivia = await createPerson('Olivia Organisatrice');
	const edition = app.editions.create(olivia.viewer, { title: 'Numérique en Commun[s] 2026', startsOn: '2026-10-08', endsOn: '2026-10-09' });
	await logIn(page.context(), olivia);

	await test.step('Olivia pastes JSON that is no schedule: the reason is given in French', async () => {
		await page.goto(`/editions/${edition.id}/manage/import`);
		await page.getByLabel('Ou collez son contenu').fill('{"talks": []}');
		await page.getByRole('button', { name: 'Voir les changements' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Ce JSON n’est ni un schedule.json');
		await expect(alert).not.toContainText('neither a schedule.json');
	});

	await test.step('the JSON API answers a missing edition in French, or in English when asked', async () => {
		const fr = await request.get('/api/editions/nope', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
		expect(fr.status()).toBe(404);
		expect((await fr.json()).error).toEqual({ code: 'not_found', message: 'Cette édition n’existe pas.' });
		const en = await request.get('/api/editions/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
		expect((await en.json()).error).toEqual({ code: 'not_found', message: 'This edition does not exist.' });
	});
});
