import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf, type TestApp } from '../factories';

type OutboxRow = { topic: string; entity_id: string; payload: string };

describe('editions and access', () => {
	let t: TestApp;
	let admin: Viewer;
	let orga: Viewer;
	let other: Viewer;
	beforeEach(async () => {
		t = createTestApp();
		admin = await createAccount(t.app, 'admin');
		orga = await createAccount(t.app, 'olivia');
		other = await createAccount(t.app, 'oscar');
	});

	const outbox = () => t.app.db.prepare('SELECT topic, entity_id, payload FROM outbox ORDER BY id').all() as OutboxRow[];

	/** A guest who joined a workshop of a published edition of `organiser`: a participant of that edition only. */
	function participantOfAnotherEdition(): Viewer {
		const elsewhere = createEdition(t.app, other, { title: 'Autre édition', status: 'published' });
		const workshop = createWorkshop(t.app, other, elsewhere.id);
		const guest = createGuest(t.app, 'Participante');
		t.app.workshops.join(guest, joinCodeOf(t.app, workshop));
		expect(t.app.editions.get(guest, elsewhere.id).access.role).toBe('participant');
		return guest;
	}

	describe('create', () => {
		it('makes the creator the organiser of a draft edition', () => {
			const edition = createEdition(t.app, orga, { title: 'NEC 2018', seriesTitle: 'Numérique en Commun[s]' });
			expect(edition).toMatchObject({ title: 'NEC 2018', status: 'draft', created_by: orga.id, timezone: 'Europe/Paris', licence: 'etalab-2.0', series_title: 'Numérique en Commun[s]' });
			expect(t.app.editions.get(orga, edition.id).access).toEqual({ role: 'organiser', subject: 'organiser', canRead: true, canFacilitate: true, canManage: true });
			expect(t.app.editions.listOwn(orga).map((e) => e.id)).toEqual([edition.id]);
		});

		it('keeps the edition’s clock: a known IANA time zone, Europe/Paris unless the organiser chooses another', async () => {
			const edition = createEdition(t.app, orga, { timeZone: 'Indian/Reunion' });
			expect(edition.timezone).toBe('Indian/Reunion');
			const values = { title: edition.title, startsOn: edition.starts_on, endsOn: edition.ends_on };
			expect(t.app.editions.update(orga, edition.id, { ...values, timeZone: 'America/Cayenne' }).timezone).toBe('America/Cayenne');
			const error = await expectAppError(() => t.app.editions.update(orga, edition.id, { ...values, timeZone: 'Mars/Olympus_Mons' }), 'invalid');
			expect(error.fields).toEqual({ timeZone: 'invalidChoice' });
			expect(t.app.editions.update(orga, edition.id, values).timezone).toBe('Europe/Paris');
		});

		it('reuses a series by title', () => {
			const a = createEdition(t.app, orga, { seriesTitle: 'Numérique en Commun[s]' });
			const b = createEdition(t.app, other, { seriesTitle: 'numérique en commun[s]', startsOn: '2019-09-13', endsOn: '2019-09-14' });
			expect(b.series_id).toBe(a.series_id);
			expect(count(t.app, 'series')).toBe(1);
		});

		it('refuses anonymous viewers and guests', async () => {
			await expectAppError(() => createEdition(t.app, null), 'unauthenticated');
			await expectAppError(() => createEdition(t.app, createGuest(t.app)), 'forbidden');
			expect(count(t.app, 'editions')).toBe(0);
		});

		it('names the invalid fields', async () => {
			const error = await expectAppError(() => t.app.editions.create(orga, { title: '', startsOn: '2018-09-13', endsOn: '2018-09-14', licence: 'proprietary' }), 'invalid');
			expect(error.fields).toEqual({ title: 'required', licence: 'invalidChoice' });
			expect(error.message).toBe('error.invalidInput');
			const dates = await expectAppError(() => t.app.editions.create(orga, { title: 'NEC', startsOn: '13/09/2018', endsOn: '2018-09-14' }), 'invalid');
			expect(dates.fields.startsOn).toBe('invalidDate');
		});

		// Documents a bug: dates are only checked for their shape, so 2018-02-30 or 2018-13-45 are stored.
		it('refuses impossible dates', async () => {
			const error = await expectAppError(() => t.app.editions.create(orga, { title: 'NEC', startsOn: '2018-02-30', endsOn: '2018-13-45' }), 'invalid');
			expect(error.fields).toEqual({ startsOn: 'invalidDate', endsOn: 'invalidDate' });
		});

		it('reports only endsOn when the end is before the start', async () => {
			const error = await expectAppError(() => t.app.editions.create(orga, { title: 'NEC', startsOn: '2018-09-14', endsOn: '2018-09-13' }), 'invalid');
			expect(error.fields).toEqual({ endsOn: 'endBeforeStart' });
		});

		it('writes an outbox row', () => {
			const edition = createEdition(t.app, orga);
			expect(outbox()).toEqual([{ topic: 'edition.changed', entity_id: edition.id, payload: '{}' }]);
		});

		it('writes the edition and its outbox row in one transaction', async () => {
			t.app.db.exec("CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END");
			expect(() => createEdition(t.app, orga)).toThrow(/outbox down/);
			expect(count(t.app, 'editions')).toBe(0);
			expect(count(t.app, 'edition_members')).toBe(0);
		});
	});

	describe('reading', () => {
		it('hides a draft from anonymous viewers and from participants of another edition, even with its id', async () => {
			const draft = createEdition(t.app, orga);
			const guest = participantOfAnotherEdition();
			for (const viewer of [null, guest, other]) {
				const error = await expectAppError(() => t.app.editions.get(viewer, draft.id), 'not_found');
				expect(error.message).toBe('error.edition.notFound');
			}
			// A guessed id answers exactly like a missing one.
			const missing = await expectAppError(() => t.app.editions.get(null, 'aaaaaaaaaaaaaaaa'), 'not_found');
			expect(missing.message).toBe('error.edition.notFound');
		});

		it('shows a published edition to anonymous viewers, read-only', () => {
			const edition = createEdition(t.app, orga, { status: 'published' });
			expect(t.app.editions.get(null, edition.id).access).toEqual({ role: null, subject: 'anonymous', canRead: true, canFacilitate: false, canManage: false });
			expect(t.app.editions.listPublished().map((e) => e.id)).toEqual([edition.id]);
		});

		it('lets the admin see and manage every edition', () => {
			const draft = createEdition(t.app, orga);
			expect(t.app.editions.get(admin, draft.id).access).toMatchObject({ role: null, canRead: true, canManage: true });
			expect(t.app.editions.listOwn(admin).map((e) => e.id)).toEqual([draft.id]);
			expect(t.app.editions.listOwn(other)).toEqual([]);
			expect(t.app.editions.listOwn(null)).toEqual([]);
			expect(t.app.editions.listPublished()).toEqual([]);
		});
	});

	describe('update and publish', () => {
		const changes = { title: 'NEC 2018 (Nantes)', startsOn: '2018-09-13', endsOn: '2018-09-14', city: 'Nantes' };

		it('lets organisers and the admin update, writing an outbox row each time', () => {
			const edition = createEdition(t.app, orga);
			expect(t.app.editions.update(orga, edition.id, changes).title).toBe('NEC 2018 (Nantes)');
			expect(t.app.editions.update(admin, edition.id, { ...changes, title: 'Par l’admin' }).title).toBe('Par l’admin');
			expect(outbox().map((r) => [r.topic, r.entity_id])).toEqual([
				['edition.changed', edition.id],
				['edition.changed', edition.id],
				['edition.changed', edition.id]
			]);
		});

		it('refuses facilitators (forbidden), strangers on a draft (not_found) and anonymous viewers', async () => {
			const edition = createEdition(t.app, orga, { status: 'published' });
			const facilitator = await createAccount(t.app, 'fanny');
			t.app.members.acceptInvite(facilitator, t.app.members.createInvite(orga, edition.id, { role: 'facilitator' }).token);
			const rowsBefore = outbox().length;

			await expectAppError(() => t.app.editions.update(facilitator, edition.id, changes), 'forbidden');
			await expectAppError(() => t.app.editions.setStatus(facilitator, edition.id, { status: 'draft' }), 'forbidden');
			await expectAppError(() => t.app.editions.update(other, edition.id, changes), 'forbidden');
			await expectAppError(() => t.app.editions.update(null, edition.id, changes), 'unauthenticated');

			const draft = createEdition(t.app, orga);
			await expectAppError(() => t.app.editions.update(other, draft.id, changes), 'not_found');
			await expectAppError(() => t.app.editions.update(null, draft.id, changes), 'not_found');
			expect(t.app.editions.get(orga, edition.id).edition.title).toBe('Numérique en Commun[s] test');
			expect(outbox().length).toBe(rowsBefore + 1);
		});

		it('validates updates like creations', async () => {
			const edition = createEdition(t.app, orga);
			const error = await expectAppError(() => t.app.editions.update(orga, edition.id, { ...changes, endsOn: '2018-09-01' }), 'invalid');
			expect(error.fields).toEqual({ endsOn: 'endBeforeStart' });
		});

		it('publishes and unpublishes, with the status in the outbox payload', async () => {
			const edition = createEdition(t.app, orga);
			expect(t.app.editions.setStatus(orga, edition.id, { status: 'published' }).status).toBe('published');
			expect(t.app.editions.get(null, edition.id).edition.status).toBe('published');
			expect(outbox().at(-1)).toEqual({ topic: 'edition.changed', entity_id: edition.id, payload: '{"status":"published"}' });

			t.app.editions.setStatus(orga, edition.id, { status: 'draft' });
			await expectAppError(() => t.app.editions.get(null, edition.id), 'not_found');
			const error = await expectAppError(() => t.app.editions.setStatus(orga, edition.id, { status: 'archived' }), 'invalid');
			expect(error.fields).toEqual({ status: 'invalidChoice' });
		});

		it('opens closed workshops’ chats to readers only when an organiser says so (an unticked box closes them)', async () => {
			const edition = createEdition(t.app, orga, { status: 'published' });
			expect(t.app.editions.get(null, edition.id).edition.chat_public).toBe(0);
			await expectAppError(() => t.app.editions.setSharing(other, edition.id, { chatPublic: 'on' }), 'forbidden');
			expect(t.app.editions.setSharing(orga, edition.id, { chatPublic: 'on' }).chat_public).toBe(1);
			expect(outbox().at(-1)).toMatchObject({ topic: 'edition.changed', entity_id: edition.id });
			expect(t.app.editions.setSharing(orga, edition.id, {}).chat_public).toBe(0);
		});
	});
});
