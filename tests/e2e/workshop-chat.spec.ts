// Story: during a live workshop, Bob (a guest from the QR code) posts in the chat; Alice (facilitator) replies with the
// keyboard only, copies his idea into the notes pad where both see the quote arrive, then hides a message.
import { expect, expectAccessible, test } from './fixtures';

test('a guest and a facilitator chat live, promote a message into a pad and moderate', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { workshopId, joinCode, workshopUrl } = liveWorkshop(alice, 'NEC chat');
	const pad = app.pads.create(alice.viewer, workshopId, { title: 'Notes' });

	// Separate contexts: BroadcastChannel would otherwise sync the tabs without the server.
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const bobContext = await browser.newContext();
	const alicePage = await aliceContext.newPage();
	const bobPage = await bobContext.newPage();

	await bobPage.goto(`/join/${joinCode}`);
	await bobPage.getByLabel(/prénom ou pseudonyme/i).fill('Bob');
	await bobPage.getByRole('button', { name: /Rejoindre/ }).click();
	await expect(bobPage).toHaveURL(new RegExp(workshopUrl));

	await alicePage.goto(`${workshopUrl}/chat`);
	await bobPage.goto(`${workshopUrl}/chat`);
	await expect(alicePage.getByText('En ligne, enregistré')).toBeVisible();
	await expect(bobPage.getByText('En ligne, enregistré')).toBeVisible();

	// Bob posts; Alice sees it live. Markup in a message stays text.
	const bobComposer = bobPage.getByLabel('Votre message');
	await bobComposer.fill('Idée : une carte des communs nantais https://example.org/carte');
	await bobComposer.press('Enter');
	const aliceLog = alicePage.getByRole('log', { name: 'Messages de la discussion' });
	const bobIdea = aliceLog.getByRole('article', { name: 'Message de Bob' }).filter({ hasText: 'une carte des communs' });
	await expect(bobIdea).toBeVisible();
	await expect(bobIdea.getByRole('link', { name: 'https://example.org/carte' })).toHaveAttribute('rel', 'noopener nofollow ugc');
	await bobComposer.fill('<b>pas du HTML</b>');
	await bobPage.getByRole('button', { name: 'Envoyer' }).click();
	await expect(aliceLog.getByText('<b>pas du HTML</b>')).toBeVisible();

	// Alice replies with the keyboard only: « Répondre », type, Shift+Enter for a new line, Enter to send.
	await bobIdea.getByRole('button', { name: /^Répondre/ }).focus();
	await alicePage.keyboard.press('Enter');
	await expect(alicePage.getByLabel('Votre message')).toBeFocused();
	await expect(alicePage.getByText('Réponse à Bob')).toBeVisible();
	await alicePage.keyboard.type('Bonne idée');
	await alicePage.keyboard.press('Shift+Enter');
	await alicePage.keyboard.type('on la met dans les notes');
	await alicePage.keyboard.press('Enter');
	const bobLog = bobPage.getByRole('log', { name: 'Messages de la discussion' });
	const aliceReply = bobLog.getByRole('article', { name: 'Message de Alice Martin' });
	await expect(aliceReply).toContainText('En réponse à Bob :');
	await expect(aliceReply).toContainText('Bonne idée\non la met dans les notes');
	await expectAccessible(alicePage);
	await expectAccessible(bobPage);

	// Both open the pad; Alice copies Bob's idea into it from the chat, keyboard only.
	const padUrl = `${workshopUrl}/pads/${pad.id}`;
	const alicePad = await aliceContext.newPage();
	const bobPad = await bobContext.newPage();
	await alicePad.goto(padUrl);
	await bobPad.goto(padUrl);
	await expect(bobPad.getByText('En ligne, enregistré')).toBeVisible();
	await bobIdea.getByText('Copier dans un pad').focus();
	await alicePage.keyboard.press('Enter');
	await expect(bobIdea.getByLabel('Pad de destination')).toBeVisible();
	await bobIdea.getByLabel('Pad de destination').selectOption({ label: 'Notes' });
	await bobIdea.getByRole('button', { name: 'Copier', exact: true }).focus();
	await alicePage.keyboard.press('Enter');
	await expect(alicePage.getByText('Message copié dans « Notes ».')).toBeVisible();
	for (const padPage of [alicePad, bobPad]) {
		const quote = padPage.getByRole('textbox', { name: /Contenu du pad/ }).locator('blockquote');
		await expect(quote).toContainText('Idée : une carte des communs nantais');
		await expect(quote).toContainText('— Bob, dans le chat,');
		await expect(quote.getByRole('link').last()).toHaveAttribute('href', new RegExp(`${workshopUrl}/chat#msg-[a-z0-9]+$`));
	}

	// Alice hides the HTML message: Bob sees the trace only, Alice still reads it, then shows it again.
	const aliceHtml = aliceLog.getByRole('article').filter({ hasText: '<b>pas du HTML</b>' });
	await aliceHtml.getByRole('button', { name: /^Masquer/ }).click();
	await expect(bobLog.getByText('Message masqué par Alice Martin')).toBeVisible();
	await expect(bobLog.getByText('<b>pas du HTML</b>')).toHaveCount(0);
	await expect(aliceLog.getByText(/visible par l’équipe d’animation seulement/)).toBeVisible();
	await expect(aliceLog.getByText('<b>pas du HTML</b>')).toBeVisible();
	await expectAccessible(alicePage);
	await aliceLog.getByRole('button', { name: /^Afficher/ }).click();
	await expect(bobLog.getByText('<b>pas du HTML</b>')).toBeVisible();

	await aliceContext.close();
	await bobContext.close();
});
