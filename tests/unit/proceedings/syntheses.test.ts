import { beforeEach, describe, expect, it } from 'vitest';
import { withSectionIds } from '../../../server/shared/section-anchors';
import { createAccount, createTestApp, expectAppError, type TestApp } from '../factories';
import { writeParagraph } from '../deliverables/deliverable-fixtures';
import { proceedingsScenario, writeHeading } from './proceedings-fixtures';

describe('syntheses and citations', () => {
	let t: TestApp;
	let s: Awaited<ReturnType<typeof proceedingsScenario>>;
	let synthesisId: string;
	beforeEach(async () => {
		t = createTestApp();
		s = await proceedingsScenario(t.app);
		synthesisId = t.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
	});

	it('lists the theme’s published deliverables cut into sections with their anchors, filtered by a word', async () => {
		const sources = t.app.syntheses.sources(s.facilitator, synthesisId);
		expect(sources.map((d) => d.title).sort()).toEqual(['Grille des communs', 'Restitution plénière']);
		const grille = sources.find((d) => d.id === s.first)!;
		expect(grille.sections.map((x) => x.anchor)).toEqual(['h1-constats', 'h2-propositions']);
		expect(t.app.syntheses.sources(s.facilitator, synthesisId, 'licence unique').map((d) => d.id)).toEqual([s.second]);
		// The deliverable's archive page gives its headings the same anchors.
		expect(withSectionIds(t.app.deliverables.getPublished(s.first).html)).toMatch(/<h2 id="h1-constats">Constats<\/h2>[\s\S]*<h2 id="h2-propositions">/);
	});

	it('inserts a citation as a record and a blockquote linking to the version and section, attributed by credit choice', async () => {
		await t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_c' });
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Communs', markdown: 'Les ateliers ont convergé.' });
		const id = await t.app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.first, version: '1', anchor: 'h1-constats', quotedText: 'manquent de contributeurs réguliers' });
		const view = await t.app.syntheses.get(s.facilitator, synthesisId);
		expect(view.markdown).toBe(`Les ateliers ont convergé.\n\n[[cite:${id}]]\n`);
		expect(view.citations[0]).toMatchObject({ deliverableId: s.first, version: 1, anchor: 'h1-constats', outdated: false, href: `/archive/${s.edition.id}/deliverables/${s.first}/v/1#h1-constats` });
		expect(view.citations[0]!.attribution).toContain('alice_c');
		expect(view.html).toContain(`<blockquote class="citation" id="cite-${id}" cite="/archive/${s.edition.id}/deliverables/${s.first}/v/1#h1-constats">`);
		expect(view.html).toContain('<p>manquent de contributeurs réguliers</p>');
	});

	it('shows a citation as outdated once its source has a newer version, and « mettre à jour » moves it to the same heading', async () => {
		const id = await t.app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.first, version: 1, anchor: 'h2-propositions', quotedText: 'Créer une grille' });
		// The source gains a section before the quoted one: the anchor's position changes, its heading does not.
		writeHeading(t.app, s.pad.id, s.alice.id, 'Contexte');
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Un atelier de deux heures.');
		await t.app.deliverables.publish(s.facilitator, s.first);
		let citation = await (await t.app.syntheses.get(s.facilitator, synthesisId)).citations[0]!;
		expect(citation).toMatchObject({ id, version: 1, latestVersion: 2, outdated: true });
		t.app.syntheses.updateCitation(s.facilitator, id);
		citation = await (await t.app.syntheses.get(s.facilitator, synthesisId)).citations[0]!;
		expect(citation).toMatchObject({ version: 2, latestVersion: 2, outdated: false, anchor: 'h2-propositions', quotedText: 'Créer une grille' });
	});

	it('refuses an unknown section, a deliverable of another theme’s edition, and people who do not facilitate', async () => {
		await expectAppError(() => t.app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.first, version: 1, anchor: 'h9-rien', quotedText: 'x' }), 'invalid');
		await expectAppError(() => t.app.syntheses.save(s.alice, synthesisId, { title: 'x' }), 'forbidden');
		const stranger = await createAccount(t.app, 'zoe');
		await expectAppError(() => t.app.syntheses.open(stranger, s.edition.id, s.themeId), 'forbidden');
		await expectAppError(() => t.app.syntheses.open(null, s.edition.id, s.themeId), 'unauthenticated');
	});

	it('validates « En savoir + » links: web addresses only, on a target of the same edition', async () => {
		const link = { targetKind: 'synthesis', targetId: synthesisId, title: 'Le guide des communs', url: 'https://lescommuns.org/guide', kind: 'website' };
		t.app.syntheses.addLink(s.facilitator, s.edition.id, link);
		expect(await (await t.app.syntheses.get(s.facilitator, synthesisId)).links.map((l) => l.url)).toEqual(['https://lescommuns.org/guide']);
		expect((await expectAppError(() => t.app.syntheses.addLink(s.facilitator, s.edition.id, { ...link, url: 'javascript:alert(1)' }), 'invalid')).fields).toEqual({ url: 'invalidUrl' });
		expect((await expectAppError(() => t.app.syntheses.addLink(s.facilitator, s.edition.id, { ...link, targetId: 'nope' }), 'invalid')).fields).toEqual({ targetId: 'invalid' });
	});

	it('renders raw HTML written in a synthesis as text', async () => {
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'x', markdown: '<img src=x onerror=alert(1)>' });
		expect(await (await t.app.syntheses.get(s.facilitator, synthesisId)).html).not.toContain('<img');
	});

	it('gives the syntheses a person edited in their personal data export', async () => {
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Communs', markdown: 'Texte de Fanny.' });
		expect((await t.app.privacy.collect(s.facilitator)).syntheses).toEqual([expect.objectContaining({ id: synthesisId, title: 'Communs', markdown: 'Texte de Fanny.' })]);
		expect((await t.app.privacy.collect(s.alice)).syntheses).toEqual([]);
	});
});
