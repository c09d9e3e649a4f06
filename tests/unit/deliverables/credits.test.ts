import { beforeEach, describe, expect, it } from 'vitest';
import { anonymousLabel } from '../../../server/domain/deliverables/credits';
import { createAccount, createTestApp, expectAppError, type TestApp } from '../factories';
import { deliverableScenario, writeParagraph } from './deliverable-fixtures';

describe('credits', () => {
	let t: TestApp;
	let s: Awaited<ReturnType<typeof deliverableScenario>>;
	let id: string;
	beforeEach(async () => {
		t = createTestApp();
		s = await deliverableScenario(t.app);
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Alice écrit.');
		writeParagraph(t.app, s.pad.id, s.bob.id, 'Bob écrit.');
		id = t.app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Grille', helperIds: [s.organiser.id], helperNames: 'Dominique Relectrice\n' });
	});
	const credits = (version?: number, locale?: 'fr' | 'en') => t.app.deliverables.getPublished(id, version, { locale }).credits.map((c) => `${c.role}:${c.display}`);

	it('credits who wrote, the facilitators and the helpers, each person once', () => {
		// Fanny facilitates and also writes: she is credited once, as an author.
		writeParagraph(t.app, s.pad.id, s.facilitator.id, 'Fanny reformule.');
		t.app.deliverables.publish(s.facilitator, id);
		expect(credits()).toEqual(['author:Alice', 'author:Bob le guest', 'author:Fanny', 'helper:Dominique Relectrice', 'helper:Organiser']);
	});

	it('counts authors whose updates were compacted into pad versions', () => {
		t.app.padDocuments.saveVersion(s.pad.id);
		expect(t.app.db.prepare("SELECT count(*) FROM doc_updates WHERE room = ?").pluck().get(`pad:${s.pad.id}`)).toBe(0);
		t.app.deliverables.publish(s.facilitator, id);
		expect(credits()).toContain('author:Alice');
		expect(credits()).toContain('author:Bob le guest');
		expect(credits()).toContain('facilitator:Fanny');
	});

	it('follows each person’s current choice: name, pseudonym or anonymous, even after publication', async () => {
		t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_m' });
		t.app.deliverables.publish(s.facilitator, id);
		expect(credits()).toEqual(['author:alice_m', 'author:Bob le guest', 'facilitator:Fanny', 'helper:Dominique Relectrice', 'helper:Organiser']);
		expect(t.app.credits.display(s.alice.id, s.edition.id)).toBe('alice_m');

		t.app.credits.setChoice(s.bob, s.edition.id, { mode: 'anonymous' });
		t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'name', pseudonym: 'ignored' });
		expect(credits()).toEqual(['author:Alice', `author:${anonymousLabel.fr}`, 'facilitator:Fanny', 'helper:Dominique Relectrice', 'helper:Organiser']);
		expect(credits(1, 'en')).toContain('author:anonymous contributor');
		expect(t.app.deliverables.getPublished(id).credits.find((c) => c.anonymous)).toEqual({ display: 'contributeur anonyme', role: 'author', anonymous: true });
		expect(t.app.credits.choice(s.alice.id, s.edition.id)).toEqual({ mode: 'name', pseudonym: null });

		expect((await expectAppError(() => t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: ' ' }), 'invalid')).fields).toEqual({
			pseudonym: 'pseudonymRequired'
		});
		expect((await expectAppError(() => t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'famous' }), 'invalid')).fields).toEqual({ mode: 'invalidChoice' });
		await expectAppError(() => t.app.credits.setChoice(null, s.edition.id, { mode: 'name' }), 'unauthenticated');
	});

	it('is per edition', async () => {
		const other = t.app.editions.create(s.organiser, { title: 'NEC 2019', startsOn: '2019-09-13', endsOn: '2019-09-14' });
		t.app.credits.setChoice(s.organiser, other.id, { mode: 'anonymous' });
		expect(t.app.credits.display(s.organiser.id, other.id)).toBe('contributeur anonyme');
		expect(t.app.credits.display(s.organiser.id, s.edition.id)).toBe('Organiser');
		const stranger = await createAccount(t.app, 'stranger');
		await expectAppError(() => t.app.credits.setChoice(stranger, other.id, { mode: 'name' }), 'not_found');
		expect(t.app.credits.listMine(s.organiser).map((e) => [e.title, e.choice.mode])).toEqual([
			['NEC 2019', 'anonymous'],
			['Numérique en Commun[s] test', 'name']
		]);
	});

	it('credits an erased account as an anonymous contributor', () => {
		t.app.deliverables.publish(s.facilitator, id);
		t.app.db.prepare('DELETE FROM users WHERE id = ?').run(s.bob.id);
		expect(credits()).toContain('author:contributeur anonyme');
		expect(t.app.credits.display(s.bob.id, s.edition.id, 'en')).toBe('anonymous contributor');
	});
});

describe('names around a deliverable in the making', () => {
	it('review comments, helpers and the helper picker name people by their credit choice for the edition', async () => {
		const t = createTestApp();
		const s = await deliverableScenario(t.app);
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Alice écrit.');
		const id = t.app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Grille', helperIds: [s.organiser.id], helperNames: 'Dominique Relectrice\n' });
		t.app.deliverables.submitForReview(s.facilitator, id);
		t.app.deliverables.comment(s.alice, id, { body: 'Ajouter une question.' });
		t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
		t.app.credits.setChoice(s.organiser, s.edition.id, { mode: 'anonymous' });

		const seen = t.app.deliverables.get(s.facilitator, id);
		expect(seen.comments.map((c) => c.authorName)).toEqual(['alice_communs']);
		expect(seen.helpers.map((h) => h.name).sort()).toEqual(['Dominique Relectrice', anonymousLabel.fr]);
		const picker = t.app.deliverables.formOptions(s.facilitator, s.workshopId).members.map((m) => m.name);
		expect(picker).toContain('alice_communs');
		expect(picker).toContain(anonymousLabel.fr);
		expect(picker).not.toContain('Alice');
		expect(picker).not.toContain('Organiser');
	});
});

describe('names in a pad’s history', () => {
	it('lists each version’s writers, and who wrote since, by their credit choice as it is when the history is read', async () => {
		const t = createTestApp();
		const s = await deliverableScenario(t.app);
		writeParagraph(t.app, s.pad.id, s.alice.id, 'Alice écrit.');
		t.app.padDocuments.saveVersion(s.pad.id);
		writeParagraph(t.app, s.pad.id, s.bob.id, 'Bob écrit.');
		const history = () => t.app.pads.history(s.facilitator, s.pad.id);
		expect(history().versions[0]!.authors).toEqual(['Alice']);
		t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
		t.app.credits.setChoice(s.bob, s.edition.id, { mode: 'anonymous' });
		expect(history().versions[0]!.authors).toEqual(['alice_communs']);
		expect(history().unsavedAuthors).toEqual([anonymousLabel.fr]);
		expect(t.app.pads.history(s.facilitator, s.pad.id, 'en').unsavedAuthors).toEqual([anonymousLabel.en]);
	});
});
