// Story: Alice starts the notes from the workshop's template; Bob scans the QR code and writes under the first
// section's prompt: the prompt guides him, then gives way to his words, in plain text, and stays out of the export.
import { padTemplates } from '../../server/domain/pads/templates';
import { expect, test } from './fixtures';

const shots = process.env.E2E_SCREENSHOTS;
const prompts = padTemplates.find((t) => t.key === 'atelier-contributif')!.sections.map((s) => s.prompt);

test('template prompts guide the writing without becoming part of it', async ({ browser, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { workshopUrl, joinCode } = liveWorkshop(alice, 'NEC consignes');
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const alicePage = await aliceContext.newPage();
	await alicePage.goto(`${workshopUrl}/pads`);
	await alicePage.getByLabel('Titre du pad').fill('Notes de l’atelier');
	await alicePage.getByRole('button', { name: 'Créer le pad' }).click();
	const aliceEditor = alicePage.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(aliceEditor.getByRole('heading', { name: 'Points de convergence' })).toBeVisible();
	// Every empty section shows its prompt, as a placeholder and not as text.
	await expect(aliceEditor.locator(`p.is-empty[data-placeholder="${prompts[0]}"]`)).toHaveCount(1);
	await expect(aliceEditor.locator(`p.is-empty[data-placeholder="${prompts[3]}"]`)).toHaveCount(1);
	await expect(aliceEditor).not.toContainText(prompts[0]!);

	const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const bob = await phone.newPage();
	await bob.goto(`/join/${joinCode}`);
	await bob.keyboard.type('Bob');
	await bob.getByRole('button', { name: 'Rejoindre', exact: true }).click();
	const bobEditor = bob.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(bobEditor).toBeFocused();
	if (shots) await bob.screenshot({ path: `${shots}/template-pad-360.png`, fullPage: true });
	// The prompt is shown, not only present.
	const shownUnder = (index: number) => bobEditor.locator('p.is-empty').nth(index).evaluate((p) => getComputedStyle(p, '::before').content);
	expect(await shownUnder(1)).toBe(`"${prompts[1]}"`);
	// The caret waits in the first section: what Bob types lands under « Contexte », in plain text.
	await bob.keyboard.type('Les communs numériques en Bretagne');
	const written = aliceEditor.locator('p', { hasText: 'Les communs numériques en Bretagne' });
	await expect(written).toBeVisible();
	await expect(written.locator('em')).toHaveCount(0);
	await expect(aliceEditor.locator(`p.is-empty[data-placeholder="${prompts[0]}"]`)).toHaveCount(0);
	await expect(aliceEditor.locator(`p.is-empty[data-placeholder="${prompts[1]}"]`)).toHaveCount(1);

	const markdown = await (await alicePage.request.get(`${alicePage.url().split('?')[0]}/export?format=md`)).text();
	expect(markdown).toContain('## Contexte\n\nLes communs numériques en Bretagne\n');
	for (const prompt of prompts) expect(markdown).not.toContain(prompt);
	await phone.close();
	await aliceContext.close();
});
