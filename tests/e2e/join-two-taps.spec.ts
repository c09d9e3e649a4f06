// Story: at the door of the room, Bob scans the sign's QR code and is writing in the workshop's pad after one tap;
// Chloé, without a camera, types the sign's short code in lower case and gets there with the keyboard alone.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.E2E_SCREENSHOTS;

test('from the QR code to typing in the pad in at most two taps, and straight back on a second visit', async ({ browser, app, createPerson, liveWorkshop }) => {
	const fanny = await createPerson('Fanny Facilitatrice');
	const { workshopId, joinCode } = liveWorkshop(fanny, 'NEC deux gestes');
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Notes partagées' });

	const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const bob = await phone.newPage();
	let taps = 0;
	const tap = async (click: () => Promise<void>) => {
		taps++;
		await click();
	};

	// The QR code opens the join page: the name field already has the focus and a friendly name to start from.
	await bob.goto(`/join/${joinCode}`);
	const name = bob.getByLabel('Votre prénom ou pseudonyme');
	await expect(name).toBeFocused();
	await expect(name).not.toHaveValue('');
	await expectAccessible(bob);
	if (shots) await bob.screenshot({ path: `${shots}/join-360.png`, fullPage: true });
	// The suggestion is selected: typing replaces it (typing is not a tap).
	await bob.keyboard.type('Bob');
	await expect(name).toHaveValue('Bob');

	await tap(() => bob.getByRole('button', { name: 'Rejoindre', exact: true }).click());
	await expect(bob).toHaveURL(new RegExp(`/pads/${pad.id}\\?focus=1$`));
	const editor = bob.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(editor).toBeFocused();
	await bob.keyboard.type('Bonjour à toutes et à tous');
	await expect(editor).toContainText('Bonjour à toutes et à tous');
	await expect(bob.getByText('En ligne, enregistré')).toBeVisible();
	expect(taps).toBeLessThanOrEqual(2);
	await expectAccessible(bob);
	if (shots) await bob.screenshot({ path: `${shots}/pad-360.png`, fullPage: true });

	// Scanning again on the same phone: no form, straight into the pad, where what Bob typed was kept.
	await bob.goto(`/join/${joinCode}`);
	await expect(bob).toHaveURL(new RegExp(`/pads/${pad.id}\\?focus=1$`));
	await expect(editor).toContainText('Bonjour à toutes et à tous');
	await expect(editor).toBeFocused();
	await phone.close();
});

async function typeCodeAt(page: Page, code: string) {
	const field = page.getByLabel('Code de l’atelier');
	await expect(field).toBeFocused();
	await page.keyboard.type(code);
	await page.keyboard.press('Enter');
}

test('the sign’s short code, typed in lower case on /rejoindre, leads to the pad with the keyboard alone', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	const fanny = await createPerson('Fanny Facilitatrice');
	const { edition, workshopId } = liveWorkshop(fanny, 'NEC code court');
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Notes' });
	const shortCode = app.workshops.get(fanny.viewer, workshopId).shortCode!;

	// The printed sign shows the code in two groups of four.
	const facilitator = await browser.newContext();
	await logIn(facilitator, fanny);
	const sign = await facilitator.newPage();
	await sign.goto(`/editions/${edition.id}/workshops/${workshopId}/sign`);
	await expect(sign.getByText(`${shortCode.slice(0, 4)}-${shortCode.slice(4)}`, { exact: true })).toBeVisible();
	await expect(sign.getByText(/\/rejoindre et tapez le code/)).toBeVisible();
	await facilitator.close();

	const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const chloe = await laptop.newPage();
	await chloe.goto('/rejoindre');
	await expectAccessible(chloe);
	// A wrong code says so and keeps what was typed.
	await typeCodeAt(chloe, 'zzzz-zzzz');
	await expect(chloe.getByRole('alert')).toContainText('Aucun atelier n’a ce code');
	await expect(chloe.getByLabel('Code de l’atelier')).toHaveValue('zzzz-zzzz');
	await expectAccessible(chloe);

	await chloe.getByLabel('Code de l’atelier').fill('');
	await typeCodeAt(chloe, `${shortCode.slice(0, 4).toLowerCase()}-${shortCode.slice(4).toLowerCase()}`);
	const name = chloe.getByLabel('Votre prénom ou pseudonyme');
	await expect(name).toBeFocused();
	if (shots) await chloe.screenshot({ path: `${shots}/join-1280.png`, fullPage: true });
	await chloe.keyboard.type('Chloé');
	await chloe.keyboard.press('Enter');
	await expect(chloe).toHaveURL(new RegExp(`/pads/${pad.id}\\?focus=1$`));
	const editor = chloe.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(editor).toBeFocused();
	await chloe.keyboard.type('Prise de notes');
	await expect(editor).toContainText('Prise de notes');
	if (shots) await chloe.screenshot({ path: `${shots}/pad-1280.png`, fullPage: true });
	await laptop.close();
});

test('the home page offers to join with a code', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Rejoindre avec un code').fill('abcd-efgh');
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page).toHaveURL(/\/rejoindre\?code=abcd-efgh$/);
	await expect(page.getByRole('alert')).toContainText('Aucun atelier n’a ce code');
});
