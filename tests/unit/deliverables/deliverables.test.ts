import { beforeEach, describe, expect, it } from 'vitest';
import { count, createAccount, createTestApp, expectAppError, joinCodeOf, MINUTE, type TestApp } from '../factories';
import { createWorkshop } from '../factories';
import { deliverableScenario, writeParagraph } from './deliverable-fixtures';

describe('deliverables', () => {
	let t: TestApp;
	let s: Awaited<ReturnType<typeof deliverableScenario>>;
	beforeEach(async () => {
		t = createTestApp();
		s = await deliverableScenario(t.app);
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Identifier les ressources communes du territoire.');
		writeParagraph(t.app, s.pad.id, s.bob.id, 'Trois questions avant de contribuer.');
	});
	const create = (overrides: Record<string, unknown> = {}) =>
		t.app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Grille des communs', summary: 'Une grille pour identifier les communs.', themeIds: [s.themeId], ...overrides });

	it('publishes frozen versions: the pad stays editable, v2 differs, v1 is unchanged', async () => {
		const id = create();
		expect(await t.app.deliverables.publish(s.facilitator, id)).toBe(1);
		const v1 = t.app.deliverables.getPublished(id);
		expect(v1).toMatchObject({ version: 1, status: 'published', title: 'Grille des communs', workshopTitle: 'Identifier les ressources', themes: [{ id: s.themeId, name: '#communs' }] });
		expect(v1.html).toBe('<p>Identifier les ressources communes du territoire.</p><p>Trois questions avant de contribuer.</p>');
		expect(v1.markdown).toBe('Identifier les ressources communes du territoire.\n\nTrois questions avant de contribuer.\n');
		expect(v1.publishedAt).toBe(new Date(t.now()).toISOString());

		t.advance(30 * MINUTE);
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Est-ce important pour mon écosystème ?');
		t.app.deliverables.update(s.facilitator, id, { title: 'Grille des communs (v2)', summary: 'Complétée.', themeIds: [s.themeId] });
		expect(await t.app.deliverables.publish(s.facilitator, id)).toBe(2);

		const v2 = t.app.deliverables.getPublished(id);
		expect(v2.version).toBe(2);
		expect(v2.title).toBe('Grille des communs (v2)');
		expect(v2.markdown).toContain('Est-ce important pour mon écosystème ?');
		expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(t.app.deliverables.getPublished(id, 1)).toMatchObject({ version: 1, title: 'Grille des communs', markdown: v1.markdown, html: v1.html, publishedAt: v1.publishedAt });

		const diff = t.app.deliverables.diffVersions(id, 1, 2);
		expect(diff.changed).toEqual({ title: true, summary: true, licence: false, content: true });
		expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('important pour mon écosystème');
		expect(diff.parts.filter((p) => p.kind === 'removed')).toEqual([]);
		expect(diff.parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe(v2.markdown);
	});

	it('records each publication in the pad history and the outbox', async () => {
		const id = create();
		await t.app.deliverables.publish(s.facilitator, id);
		const snapshot = t.app.db.prepare('SELECT pad_snapshot_id FROM deliverable_versions WHERE deliverable_id = ?').pluck().get(id) as number;
		expect((await t.app.padDocuments.history(s.pad.id)).versions.map((v) => v.id)).toContain(snapshot);
		const rows = t.app.db.prepare("SELECT entity_id, payload FROM outbox WHERE topic = 'deliverable.changed'").all() as { entity_id: string; payload: string }[];
		expect(rows.length).toBe(2);
		expect(rows.every((r) => r.entity_id === id)).toBe(true);
		expect(JSON.parse(rows[0]!.payload)).toEqual({ editionId: s.edition.id, workshopId: s.workshopId });
	});

	it('takes the edition licence by default, keeps each version’s licence, and links to it', async () => {
		const t2 = createTestApp();
		const s2 = await deliverableScenario(t2.app, { edition: { licence: 'CC-BY-SA-4.0' } });
		const id = t2.app.deliverables.create(s2.facilitator, s2.workshopId, { padId: s2.pad.id, title: 'Panorama' });
		expect((await t2.app.deliverables.get(s2.facilitator, id)).licence).toEqual({ id: 'CC-BY-SA-4.0', name: 'Creative Commons BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' });
		await t2.app.deliverables.publish(s2.facilitator, id);
		t2.app.deliverables.update(s2.facilitator, id, { title: 'Panorama', licence: 'CC0-1.0' });
		await t2.app.deliverables.publish(s2.facilitator, id);
		expect(t2.app.deliverables.getPublished(id, 1).licenceInfo.id).toBe('CC-BY-SA-4.0');
		expect(t2.app.deliverables.getPublished(id, 2).licenceInfo).toEqual({ id: 'CC0-1.0', name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' });
		expect(t2.app.deliverables.diffVersions(id, 1, 2).licence).toEqual({ from: 'CC-BY-SA-4.0', to: 'CC0-1.0' });
		const e = await expectAppError(() => t2.app.deliverables.update(s2.facilitator, id, { title: 'Panorama', licence: 'WTFPL' }), 'invalid');
		expect(e.fields).toEqual({ licence: 'invalidChoice' });
		// Etalab's Licence Ouverte is the default of a new edition.
		const plain = t.app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Défaut' });
		expect((await t.app.deliverables.get(s.facilitator, plain)).licence.id).toBe('etalab-2.0');
	});

	it('withdraws a published deliverable and keeps its history, marked withdrawn', async () => {
		const id = create();
		await expectAppError(() => t.app.deliverables.withdraw(s.facilitator, id), 'conflict');
		await t.app.deliverables.publish(s.facilitator, id);
		t.advance(MINUTE);
		t.app.deliverables.withdraw(s.facilitator, id);
		const after = t.app.deliverables.getPublished(id);
		expect(after.status).toBe('withdrawn');
		expect(after.withdrawnAt).toBe(new Date(t.now()).toISOString());
		expect(after.markdown).toContain('Trois questions');
		expect(t.app.deliverables.listPublished({ editionId: s.edition.id })).toMatchObject([{ id, status: 'withdrawn', version: 1 }]);
		await expectAppError(() => t.app.deliverables.withdraw(s.facilitator, id), 'conflict');
		await expectAppError(() => t.app.deliverables.remove(s.facilitator, id), 'conflict');
		expect(count(t.app, 'deliverable_versions', 'deliverable_id = ?', id)).toBe(1);
	});

	it('lists published deliverables of published editions only', async () => {
		const id = create();
		expect(t.app.deliverables.listPublished()).toEqual([]);
		await expectAppError(() => t.app.deliverables.getPublished(id), 'not_found');
		await t.app.deliverables.publish(s.facilitator, id);
		expect(t.app.deliverables.listPublished()).toEqual([
			expect.objectContaining({ id, editionId: s.edition.id, workshopId: s.workshopId, title: 'Grille des communs', licence: 'etalab-2.0', version: 1, status: 'published' })
		]);
		t.app.editions.setStatus(s.organiser, s.edition.id, { status: 'draft' });
		expect(t.app.deliverables.listPublished()).toEqual([]);
		await expectAppError(() => t.app.deliverables.getPublished(id), 'not_found');
		await expectAppError(() => t.app.deliverables.diffVersions(id, 1, 1), 'not_found');
	});

	it('checks who creates and what a deliverable may point to', async () => {
		await expectAppError(() => t.app.deliverables.create(s.alice, s.workshopId, { padId: s.pad.id, title: 'x' }), 'forbidden');
		await expectAppError(() => t.app.deliverables.create(null, s.workshopId, { padId: s.pad.id, title: 'x' }), 'unauthenticated');
		const other = createWorkshop(t.app, s.organiser, s.edition.id, { title: 'Financer les communs' });
		const otherPad = t.app.pads.create(s.organiser, other, { title: 'Ailleurs' });
		expect((await expectAppError(() => create({ padId: otherPad.id }), 'invalid')).fields).toEqual({ padId: 'invalidChoice' });
		expect((await expectAppError(() => create({ title: '  ' }), 'invalid')).fields).toEqual({ title: 'required' });
		expect((await expectAppError(() => create({ themeIds: ['nope'] }), 'invalid')).fields).toEqual({ themeIds: 'invalidChoice' });
		const outsider = await createAccount(t.app, 'outsider');
		expect((await expectAppError(() => create({ helperIds: [outsider.id] }), 'invalid')).fields).toEqual({ helperIds: 'invalidChoice' });
		expect(count(t.app, 'deliverables')).toBe(0);
		t.app.pads.remove(s.facilitator, s.pad.id);
		expect((await expectAppError(() => create(), 'invalid')).fields).toEqual({ padId: 'invalidChoice' });
	});

	it('shows drafts to facilitators, the review to the workshop’s participants, and takes their comments during review only', async () => {
		const id = create();
		const carol = await createAccount(t.app, 'carol');
		const otherWorkshop = createWorkshop(t.app, s.organiser, s.edition.id, { title: 'Autre atelier' });
		t.app.workshops.join(carol, joinCodeOf(t.app, otherWorkshop));

		await expectAppError(() => t.app.deliverables.get(s.alice, id), 'not_found');
		expect(t.app.deliverables.listForWorkshop(s.alice, s.workshopId)).toEqual([]);
		await expectAppError(() => t.app.deliverables.comment(s.alice, id, { body: 'Trop tôt' }), 'not_found');
		await expectAppError(() => t.app.deliverables.submitForReview(s.alice, id), 'not_found');

		t.app.deliverables.submitForReview(s.facilitator, id);
		const seen = await t.app.deliverables.get(s.alice, id);
		expect(seen).toMatchObject({ status: 'review', canComment: true, canManage: false });
		expect(seen.preview).toContain('Trois questions avant de contribuer.');
		expect(t.app.deliverables.listForWorkshop(s.bob, s.workshopId).map((d) => d.id)).toEqual([id]);
		await expectAppError(() => t.app.deliverables.publish(s.alice, id), 'forbidden');

		t.app.deliverables.comment(s.alice, id, { body: 'Ajouter la troisième question.' });
		t.advance(MINUTE);
		t.app.deliverables.comment(s.bob, id, { body: 'D’accord avec Alice.' });
		expect((await expectAppError(() => t.app.deliverables.comment(s.bob, id, { body: ' ' }), 'invalid')).fields).toEqual({ body: 'required' });
		// A participant of another workshop of the same public edition reads nothing of this review.
		await expectAppError(() => t.app.deliverables.get(carol, id), 'not_found');
		await expectAppError(() => t.app.deliverables.comment(carol, id, { body: 'Hors sujet' }), 'not_found');
		await expectAppError(() => t.app.deliverables.comment(null, id, { body: 'Anonyme' }), 'not_found');
		expect((await t.app.deliverables.get(s.facilitator, id)).comments.map((c) => [c.authorName, c.body])).toEqual([
			['Alice', 'Ajouter la troisième question.'],
			['Bob le guest', 'D’accord avec Alice.']
		]);

		await t.app.deliverables.publish(s.facilitator, id);
		await expectAppError(() => t.app.deliverables.comment(s.alice, id, { body: 'Après coup' }), 'conflict');
		// Once published, anyone reading the edition sees it, without the review's comments.
		const published = await t.app.deliverables.get(carol, id);
		expect(published.status).toBe('published');
		expect(published.comments).toEqual([]);
		expect(published.canComment).toBe(false);
	});

	it('deletes a never-published draft and tells the outbox', () => {
		const id = create();
		t.app.deliverables.remove(s.facilitator, id);
		expect(count(t.app, 'deliverables')).toBe(0);
		expect(t.app.db.prepare("SELECT payload FROM outbox WHERE topic = 'deliverable.deleted' AND entity_id = ?").pluck().get(id)).toBe(
			JSON.stringify({ editionId: s.edition.id, workshopId: s.workshopId })
		);
	});
});
