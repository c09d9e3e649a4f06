// Story: Fanny (organiser) and Sam (facilitator) write the « communs » synthesis together, like a pad: each sees the
// other's caret and words, a passage Sam quotes appears in Fanny's text at once, and what Fanny writes offline arrives.
import { writeParagraph } from '../unit/deliverables/pad-writer';
import { writeHeading } from '../unit/proceedings/heading-writer';
import { expect, expectAccessible, test } from './fixtures';

test('two editors write a synthesis together and quote a deliverable', async ({ app, browser, createPerson, logIn }) => {
	test.setTimeout(90_000);
	const fanny = await createPerson('Fanny Facilitatrice');
	const sam = await createPerson('Sam Synthèse');
	const alice = await createPerson('Alice Martin');
	const edition = app.editions.create(fanny.viewer, { title: `Synthèses ${Date.now().toString(36)}`, city: 'Nantes', startsOn: '2018-09-13', endsOn: '2018-09-14' });
	app.members.ensureParticipant(edition.id, sam.viewer.id);
	app.members.changeRole(fanny.viewer, edition.id, sam.viewer.id, 'facilitator');
	const themeId = app.structure.addTheme(fanny.viewer, edition.id, { label: 'communs' });
	const workshopId = app.workshops.create(fanny.viewer, edition.id, {
		title: 'Identifier les ressources',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		themeIds: [themeId],
		facilitatorIds: [fanny.viewer.id]
	});
	app.editions.setStatus(fanny.viewer, edition.id, { status: 'published' });
	app.workshops.join(alice.viewer, app.workshops.get(fanny.viewer, workshopId).joinCode!);
	app.credits.setChoice(alice.viewer, edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
	const pad = app.pads.create(fanny.viewer, workshopId, { title: 'Grille des communs' });
	writeHeading(app, pad.id, alice.viewer.id, 'Constats');
	writeParagraph(app, pad.id, alice.viewer.id, 'Les communs manquent de contributeurs réguliers.');
	const deliverableId = app.deliverables.create(fanny.viewer, workshopId, { padId: pad.id, title: 'Grille des communs', themeIds: [themeId] });
	app.deliverables.publish(fanny.viewer, deliverableId);

	// Fanny opens the theme's synthesis from the proceedings page; Sam follows the same address.
	const fannyContext = await browser.newContext();
	await logIn(fannyContext, fanny);
	const samContext = await browser.newContext();
	await logIn(samContext, sam);
	const fannyPage = await fannyContext.newPage();
	const samPage = await samContext.newPage();
	await fannyPage.goto(`/editions/${edition.id}/proceedings`);
	await fannyPage.getByRole('button', { name: 'Écrire la synthèse — #communs' }).click();
	await expect(fannyPage.getByRole('heading', { level: 1, name: 'Synthèse : #communs' })).toBeVisible();
	const fannyEditor = fannyPage.getByRole('textbox', { name: 'Texte de la synthèse « #communs »' });
	await expect(fannyPage.getByText('En ligne, enregistré')).toBeVisible();
	await samPage.goto(fannyPage.url());
	const samEditor = samPage.getByRole('textbox', { name: 'Texte de la synthèse « #communs »' });
	await expect(samPage.getByText('En ligne, enregistré')).toBeVisible();

	// Each sees the other, as in a pad.
	await expect(fannyPage.getByRole('listitem').filter({ hasText: 'Sam Synthèse' })).toBeVisible();
	await expect(samPage.getByRole('listitem').filter({ hasText: 'Fanny Facilitatrice' })).toBeVisible();

	await fannyEditor.click();
	await fannyPage.keyboard.type('Les ateliers convergent vers une grille commune.');
	await expect(samEditor).toContainText('Les ateliers convergent vers une grille commune.');
	await expect(samPage.locator('.collaboration-carets__label', { hasText: 'Fanny Facilitatrice' })).toBeVisible();

	// Sam quotes a passage from the panel beside the text: its line reaches Fanny's text without a reload.
	const panel = samPage.locator('details.source', { hasText: 'Grille des communs' });
	await panel.locator('summary').click();
	await panel.getByRole('button', { name: 'Insérer la citation' }).first().click();
	await expect(samPage.getByText('Citation insérée.')).toBeVisible();
	await expect(fannyEditor).toContainText('[[cite:');

	// Fanny loses the network, keeps writing; her words arrive once she is back.
	await fannyContext.setOffline(true);
	await expect(fannyPage.getByText('Hors ligne : vos modifications seront envoyées au retour du réseau.')).toBeVisible();
	await fannyEditor.getByText('Les ateliers convergent').click();
	await fannyPage.keyboard.press('End');
	await fannyPage.keyboard.type(' Écrit hors ligne.');
	await fannyContext.setOffline(false);
	await expect(samEditor).toContainText('grille commune. Écrit hors ligne.');

	// The preview renders the quote, attributed as its author chose, linked to the version and section quoted.
	await samPage.getByRole('button', { name: 'Actualiser l’aperçu' }).click();
	const preview = samPage.getByRole('region', { name: 'Aperçu' });
	await expect(preview).toContainText('Écrit hors ligne.');
	await expect(preview.locator('blockquote.citation')).toContainText('alice_communs');
	await expect(preview.locator('blockquote.citation a')).toHaveAttribute('href', `/archive/${edition.id}/deliverables/${deliverableId}/v/1#h1-constats`);
	await expectAccessible(samPage);

	// A participant of the workshop is no editor: the synthesis is not theirs to open.
	const aliceContext = await browser.newContext();
	await logIn(aliceContext, alice);
	const alicePage = await aliceContext.newPage();
	const refused = await alicePage.goto(samPage.url());
	expect(refused?.status()).toBe(403);
	await Promise.all([fannyContext.close(), samContext.close(), aliceContext.close()]);
});
