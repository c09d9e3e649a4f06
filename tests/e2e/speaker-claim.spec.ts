// Story: Olivia imported her programme, which lists Camille Martin by name only. She creates a claim link for Camille
// and shows its QR code; Camille opens it on her phone, creates her account and lands in the workshop as its facilitator.
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.E2E_SCREENSHOTS;

test('an organiser hands a listed speaker a claim link; the speaker signs up, claims it and facilitates the workshop', async ({ browser, page, app, createPerson, logIn }) => {
	const olivia = await createPerson('Olivia Organisatrice');
	const edition = app.editions.create(olivia.viewer, { title: 'NEC intervenant·es', startsOn: '2018-09-13', endsOn: '2018-09-14' });
	const workshopId = app.workshops.create(olivia.viewer, edition.id, {
		title: 'Les communs numériques',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		speakers: 'Camille Martin, Sacha Durand'
	});
	await logIn(page.context(), olivia);

	let link = '';
	await test.step('Olivia creates, from the workshop page, a link for Camille Martin and sees its QR code', async () => {
		await page.goto(`/editions/${edition.id}/workshops/${workshopId}`);
		await page.getByRole('link', { name: 'Inviter les intervenant·es listé·es' }).click();
		await expect(page.getByRole('heading', { name: 'Intervenant·es de « Les communs numériques »' })).toBeVisible();
		await page.getByRole('button', { name: 'Créer un lien pour Camille Martin' }).click();
		await expect(page.getByRole('img', { name: 'Code QR du lien pour Camille Martin' })).toBeVisible();
		link = await page.getByLabel(/Lien à transmettre/).inputValue();
		expect(link).toMatch(/\/claim\/[\w-]{32,}$/);
		await expect(page.getByText(/Lien ouvert jusqu’au/)).toBeVisible();
		await expectAccessible(page);
	});

	await test.step('Camille opens it on her phone, creates her account and claims her name', async () => {
		const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const camille = await phone.newPage();
		await camille.goto(link);
		await expect(camille.getByRole('heading', { name: 'Vous êtes Camille Martin ?' })).toBeVisible();
		await expect(camille.getByText('Les communs numériques')).toBeVisible();
		await expectAccessible(camille);
		if (shots) await camille.screenshot({ path: `${shots}/speaker-claim-360.png`, fullPage: true });
		const width = await camille.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);

		await camille.getByRole('link', { name: 'Créer un compte pour accepter' }).click();
		await camille.getByLabel('Nom affiché').fill('Camille M.');
		await camille.getByLabel('Nom d’utilisateur').fill(`camille${Date.now().toString(36)}`);
		await camille.getByLabel('Mot de passe').fill('correct horse battery');
		await camille.getByRole('button', { name: 'Créer mon compte' }).click();
		await expect(camille).toHaveURL(/\/claim\//);
		await camille.getByRole('button', { name: 'C’est moi : rattacher mon compte' }).click();

		await expect(camille).toHaveURL(new RegExp(`/editions/${edition.id}/workshops/${workshopId}`));
		await expect(camille.getByRole('status').filter({ hasText: 'Vous animez maintenant cet atelier.' })).toBeVisible();
		await expect(camille.getByRole('heading', { name: 'Facilitation' })).toBeVisible();
		await expectAccessible(camille);
		await phone.close();
	});

	await test.step('the programme shows Camille once, as facilitator; the organiser sees the name linked', async () => {
		const workshop = app.workshops.get(olivia.viewer, workshopId).workshop;
		expect(workshop.speakers).toBe('Sacha Durand');
		expect(workshop.facilitators.map((f) => f.displayName)).toEqual(['Camille M.']);
		await page.reload();
		await expect(page.getByText('Rattaché au compte de Camille M.')).toBeVisible();
	});
});
