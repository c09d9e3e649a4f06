import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf, type TestApp } from '../factories';
import { errorText } from '$lib/server/error-text';

describe('programme', () => {
	let t: TestApp;
	let orga: Viewer;
	let facilitator: Viewer;
	let edition: EditionRow;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		facilitator = await createAccount(t.app, 'fanny');
		edition = createEdition(t.app, orga, { status: 'published' });
		t.app.members.acceptInvite(facilitator, t.app.members.createInvite(orga, edition.id, { role: 'facilitator' }).token);
	});

	const titles = (workshops: { title: string }[]) => workshops.map((w) => w.title);

	describe('themes', () => {
		it('normalises labels and aliases to #tags', () => {
			const id = t.app.structure.addTheme(orga, edition.id, { label: 'données', aliases: 'data, donnees ,' });
			expect(t.app.workshops.programme(null, edition.id).themes).toEqual([{ id, label: '#données', aliases: ['#data', '#donnees'] }]);
		});

		it('refuses a label or alias that already names another theme, accent- and case-insensitively', async () => {
			t.app.structure.addTheme(orga, edition.id, { label: '#données', aliases: ['#data'] });
			const communs = t.app.structure.addTheme(orga, edition.id, { label: '#communs' });
			const byAlias = await expectAppError(() => t.app.structure.addTheme(orga, edition.id, { label: '#Data' }), 'conflict');
			expect(byAlias.fields).toEqual({ label: 'alreadyExists' });
			expect(errorText(byAlias, 'en')).toContain('#données');
			await expectAppError(() => t.app.structure.addTheme(orga, edition.id, { label: '#open', aliases: ['DONNEES'] }), 'conflict');
			await expectAppError(() => t.app.structure.updateTheme(orga, edition.id, communs, { label: '#communs', aliases: ['data'] }), 'conflict');
			// A theme may keep its own names when it is edited.
			t.app.structure.updateTheme(orga, edition.id, communs, { label: '#Communs', aliases: ['#commun'] });
			expect(t.app.workshops.programme(null, edition.id).themes.map((th) => th.label)).toEqual(['#données', '#Communs']);
		});

		it('lets the same label live in two editions', () => {
			const other = createEdition(t.app, orga);
			t.app.structure.addTheme(orga, edition.id, { label: '#données' });
			expect(() => t.app.structure.addTheme(orga, other.id, { label: '#données' })).not.toThrow();
		});

		it('is edited by organisers only', async () => {
			await expectAppError(() => t.app.structure.addTheme(facilitator, edition.id, { label: '#x' }), 'forbidden');
			await expectAppError(() => t.app.structure.addRoom(null, edition.id, { name: 'Studio' }), 'unauthenticated');
		});
	});

	describe('rooms and tracks', () => {
		it('refuse duplicate names with a conflict on the field', async () => {
			t.app.structure.addRoom(orga, edition.id, { name: 'Studio', venue: 'La Fabrique' });
			t.app.structure.addTrack(orga, edition.id, { title: 'Communs numériques' });
			expect((await expectAppError(() => t.app.structure.addRoom(orga, edition.id, { name: 'Studio' }), 'conflict')).fields).toEqual({ name: 'alreadyExists' });
			expect((await expectAppError(() => t.app.structure.addTrack(orga, edition.id, { title: 'Communs numériques' }), 'conflict')).fields).toEqual({ title: 'alreadyExists' });
		});
	});

	describe('filters', () => {
		let data: string;
		let track: string;
		beforeEach(() => {
			data = t.app.structure.addTheme(orga, edition.id, { label: '#données', aliases: ['#data', '#donnees'] });
			const communs = t.app.structure.addTheme(orga, edition.id, { label: '#communs' });
			track = t.app.structure.addTrack(orga, edition.id, { title: 'Communs numériques', lead: 'Inno3' });
			createWorkshop(t.app, orga, edition.id, { title: 'Ouvrir les données', format: 'atelier-contributif', themeIds: [data], startsAt: '2018-09-14T11:30', endsAt: '2018-09-14T13:00' });
			createWorkshop(t.app, orga, edition.id, { title: 'Identifier les ressources', format: 'atelier-contributif', themeIds: [communs], trackId: track });
			createWorkshop(t.app, orga, edition.id, { title: 'RGPD : on en parle ?', format: 'table-ronde', themeIds: [data, communs], trackId: track, startsAt: '2018-09-13T09:30', endsAt: '2018-09-13T10:30' });
		});

		it('lists every workshop by start time, with the days', () => {
			const programme = t.app.workshops.programme(null, edition.id);
			expect(titles(programme.workshops)).toEqual(['RGPD : on en parle ?', 'Identifier les ressources', 'Ouvrir les données']);
			expect(programme.days).toEqual(['2018-09-13', '2018-09-14']);
		});

		it('finds workshops by theme label, alias, or id', () => {
			for (const theme of ['data', '#data', 'Données', 'donnees', data]) {
				const programme = t.app.workshops.programme(null, edition.id, { theme });
				expect(titles(programme.workshops), theme).toEqual(['RGPD : on en parle ?', 'Ouvrir les données']);
				expect(programme.filters.theme).toBe(data);
			}
			expect(t.app.workshops.programme(null, edition.id, { theme: 'inconnu' }).workshops).toEqual([]);
		});

		it('filters by track and by format, and combines filters', () => {
			expect(titles(t.app.workshops.programme(null, edition.id, { track }).workshops)).toEqual(['RGPD : on en parle ?', 'Identifier les ressources']);
			expect(titles(t.app.workshops.programme(null, edition.id, { format: 'table-ronde' }).workshops)).toEqual(['RGPD : on en parle ?']);
			expect(titles(t.app.workshops.programme(null, edition.id, { theme: 'data', format: 'atelier-contributif' }).workshops)).toEqual(['Ouvrir les données']);
		});

		it('lists a track’s workshops in track order, whatever their times', () => {
			const programme = t.app.workshops.programme(null, edition.id);
			expect(programme.tracks.map((tr) => [tr.title, titles(tr.workshops)])).toEqual([['Communs numériques', ['Identifier les ressources', 'RGPD : on en parle ?']]]);
		});
	});

	describe('workshop status', () => {
		let id: string;
		beforeEach(() => {
			id = createWorkshop(t.app, orga, edition.id, { startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:30' });
		});
		const status = () => t.app.workshops.get(null, id).workshop.status;

		it('follows the clock in Europe/Paris time', () => {
			expect(status()).toBe('upcoming'); // 10:00 in Nantes
			t.setTime('2018-09-13T11:59:00Z'); // 13:59 in Nantes, 11:59 UTC
			expect(status()).toBe('upcoming');
			t.setTime('2018-09-13T12:00:00Z'); // 14:00 in Nantes: a UTC reading would still say upcoming
			expect(status()).toBe('live');
			t.setTime('2018-09-13T13:29:00Z');
			expect(status()).toBe('live');
			t.setTime('2018-09-13T13:30:00Z'); // 15:30 in Nantes
			expect(status()).toBe('closed');
		});

		it('uses winter time too', () => {
			const december = createWorkshop(t.app, orga, edition.id, { startsAt: '2018-12-06T14:00', endsAt: '2018-12-06T15:00' });
			t.setTime('2018-12-06T13:30:00Z'); // 14:30 in Paris (UTC+1)
			expect(t.app.workshops.get(null, december).workshop.status).toBe('live');
		});

		it('lets a facilitator override it, and return to the timetable', async () => {
			t.app.workshops.setStatus(facilitator, id, 'live');
			expect(status()).toBe('live');
			t.setTime('2018-09-13T20:00:00Z');
			expect(status()).toBe('live');
			t.app.workshops.setStatus(orga, id, null);
			expect(status()).toBe('closed');
			const guest = createGuest(t.app);
			t.app.workshops.join(guest, joinCodeOf(t.app, id));
			await expectAppError(() => t.app.workshops.setStatus(guest, id, 'closed'), 'forbidden');
			expect(status()).toBe('closed');
		});

		it('honours an override given at creation', () => {
			const forced = createWorkshop(t.app, orga, edition.id, { statusOverride: 'closed' });
			expect(t.app.workshops.get(null, forced).workshop.status).toBe('closed');
		});
	});

	describe('create and update', () => {
		it('writes the workshop with its themes, facilitators and an outbox row', () => {
			const theme = t.app.structure.addTheme(orga, edition.id, { label: '#communs' });
			const room = t.app.structure.addRoom(orga, edition.id, { name: 'Studio', venue: 'La Fabrique' });
			const outboxBefore = count(t.app, 'outbox');
			const id = createWorkshop(t.app, orga, edition.id, { themeIds: [theme], roomId: room, facilitatorIds: [facilitator.id], speakers: 'Inno3' });
			const { workshop, joinCode } = t.app.workshops.get(orga, id);
			expect(workshop).toMatchObject({
				title: 'Identifier les ressources',
				format: 'atelier-contributif',
				speakers: 'Inno3',
				day: '2018-09-13',
				room: { id: room, name: 'Studio', venue: 'La Fabrique' },
				themes: [{ id: theme, label: '#communs' }],
				facilitators: [{ id: facilitator.id, displayName: 'Fanny' }]
			});
			expect(joinCode).toBe(joinCodeOf(t.app, id));
			expect(count(t.app, 'outbox')).toBe(outboxBefore + 1);
			expect(t.app.db.prepare('SELECT topic, entity_id FROM outbox ORDER BY id DESC LIMIT 1').get()).toEqual({ topic: 'workshop.changed', entity_id: id });
		});

		it('shows facilitators by their credit choice for the edition, in the programme and the archive', () => {
			const id = createWorkshop(t.app, orga, edition.id, { facilitatorIds: [facilitator.id, orga.id] });
			const shown = () => [
				t.app.workshops.get(null, id).workshop.facilitators.map((f) => f.displayName),
				t.app.workshops.programme(null, edition.id).workshops.find((w) => w.id === id)!.facilitators.map((f) => f.displayName),
				t.app.archive.workshop(edition.id, id).workshop.facilitators
			];
			expect(shown()).toEqual(Array(3).fill(['Fanny', 'Olivia']));
			t.app.credits.setChoice(facilitator, edition.id, { mode: 'pseudonym', pseudonym: 'Zaza' });
			t.app.credits.setChoice(orga, edition.id, { mode: 'anonymous' });
			expect(shown()).toEqual(Array(3).fill(['contributeur anonyme', 'Zaza']));
		});

		it('validates the input', async () => {
			const error = await expectAppError(() => createWorkshop(t.app, orga, edition.id, { title: '', format: 'keynote', startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:00' }), 'invalid');
			expect(error.fields).toEqual({ title: 'required', format: 'invalidChoice' });
			const times = await expectAppError(() => createWorkshop(t.app, orga, edition.id, { startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T13:00' }), 'invalid');
			expect(times.fields).toEqual({ endsAt: 'endBeforeStart' });
		});

		// Documents a bug: the schema only checks the shape NNNN-NN-NNTNN:NN, so impossible times are stored
		// (the CSV import checks hours and minutes; the form and API do not).
		it('refuses impossible times', async () => {
			const error = await expectAppError(() => createWorkshop(t.app, orga, edition.id, { startsAt: '2018-09-13T25:00', endsAt: '2018-09-13T26:99' }), 'invalid');
			expect(error.fields).toEqual({ startsAt: 'invalidDateTime', endsAt: 'invalidDateTime' });
		});

		it('refuses a room, track, theme or facilitator of another edition, naming each field', async () => {
			const other = createEdition(t.app, orga, { title: 'Autre' });
			const otherFacilitator = await createAccount(t.app, 'gaspard');
			t.app.members.acceptInvite(otherFacilitator, t.app.members.createInvite(orga, other.id, { role: 'facilitator' }).token);
			const foreign = {
				roomId: t.app.structure.addRoom(orga, other.id, { name: 'Studio' }),
				trackId: t.app.structure.addTrack(orga, other.id, { title: 'Parcours' }),
				themeIds: [t.app.structure.addTheme(orga, other.id, { label: '#communs' })],
				facilitatorIds: [otherFacilitator.id]
			};
			const before = count(t.app, 'workshops');
			const error = await expectAppError(() => createWorkshop(t.app, orga, edition.id, foreign), 'invalid');
			expect(error.fields).toEqual({ roomId: 'invalidChoice', trackId: 'invalidChoice', themeIds: 'invalidChoice', facilitatorIds: 'invalidChoice' });
			expect(count(t.app, 'workshops')).toBe(before);

			const mine = createWorkshop(t.app, orga, edition.id);
			const onUpdate = await expectAppError(
				() => t.app.workshops.update(orga, mine, { title: 'x', format: 'sprint', startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:00', roomId: foreign.roomId }),
				'invalid'
			);
			expect(onUpdate.fields).toEqual({ roomId: 'invalidChoice' });
		});

		it('refuses a mere participant as facilitator', async () => {
			const guest = createGuest(t.app);
			t.app.members.ensureParticipant(edition.id, guest.id);
			const error = await expectAppError(() => createWorkshop(t.app, orga, edition.id, { facilitatorIds: [guest.id] }), 'invalid');
			expect(error.fields).toEqual({ facilitatorIds: 'invalidChoice' });
		});

		it('updates and removes, for organisers only', async () => {
			const id = createWorkshop(t.app, orga, edition.id);
			const input = { title: 'Produire des communs', format: 'sprint', startsAt: '2018-09-13T16:00', endsAt: '2018-09-13T17:30' };
			await expectAppError(() => t.app.workshops.update(facilitator, id, input), 'forbidden');
			t.app.workshops.update(orga, id, input);
			expect(t.app.workshops.get(null, id).workshop).toMatchObject({ title: 'Produire des communs', format: 'sprint', startsAt: '2018-09-13T16:00' });
			await expectAppError(() => t.app.workshops.remove(facilitator, id), 'forbidden');
			expect(t.app.workshops.remove(orga, id)).toBe(edition.id);
			await expectAppError(() => t.app.workshops.get(orga, id), 'not_found');
			expect(t.app.db.prepare('SELECT topic FROM outbox WHERE entity_id = ? ORDER BY id').pluck().all(id)).toEqual(['workshop.changed', 'workshop.changed', 'workshop.deleted']);
		});
	});

	describe('visibility', () => {
		it('hides a workshop of a draft edition from a participant of another edition', async () => {
			const guest = createGuest(t.app);
			t.app.workshops.join(guest, joinCodeOf(t.app, createWorkshop(t.app, orga, edition.id)));
			const draft = createEdition(t.app, orga, { title: 'Brouillon' });
			const hidden = createWorkshop(t.app, orga, draft.id);
			const error = await expectAppError(() => t.app.workshops.get(guest, hidden), 'not_found');
			expect(error.message).toBe('error.edition.notFound');
			await expectAppError(() => t.app.workshops.get(null, hidden), 'not_found');
			await expectAppError(() => t.app.workshops.programme(guest, draft.id), 'not_found');
			await expectAppError(() => t.app.workshops.joinReadable(guest, hidden), 'not_found');
			expect(count(t.app, 'workshop_participants', 'workshop_id = ?', hidden)).toBe(0);
		});

		it('shows the join code to facilitators only', () => {
			const id = createWorkshop(t.app, orga, edition.id);
			expect(t.app.workshops.get(facilitator, id).joinCode).toBe(joinCodeOf(t.app, id));
			expect(t.app.workshops.get(null, id).joinCode).toBeNull();
			expect(t.app.workshops.get(createGuest(t.app), id).joinCode).toBeNull();
		});
	});

	describe('joining', () => {
		it('by code adds the guest to the edition and the workshop, once', () => {
			const id = createWorkshop(t.app, orga, edition.id);
			const guest = createGuest(t.app, 'Camille');
			const code = joinCodeOf(t.app, id);
			expect(t.app.workshops.peekJoin(code)).toEqual({
				workshop: { id, title: 'Identifier les ressources', startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:30', status: 'upcoming' },
				edition: { id: edition.id, title: edition.title },
				joined: false
			});
			expect(t.app.workshops.join(guest, code)).toEqual({ workshopId: id, editionId: edition.id });
			t.app.workshops.join(guest, code);
			expect(t.app.workshops.peekJoin(code, guest).joined).toBe(true);
			const seen = t.app.workshops.get(guest, id);
			expect(seen.isParticipant).toBe(true);
			expect(seen.participantCount).toBe(1);
			expect(seen.access.role).toBe('participant');
			expect(count(t.app, 'edition_members', 'user_id = ?', guest.id)).toBe(1);
		});

		it('by code works on drafts too, the code being the capability', () => {
			const draft = createEdition(t.app, orga);
			const id = createWorkshop(t.app, orga, draft.id);
			const guest = createGuest(t.app);
			t.app.workshops.join(guest, joinCodeOf(t.app, id));
			expect(t.app.workshops.get(guest, id).isParticipant).toBe(true);
		});

		it('keeps a facilitator’s role when they join', () => {
			const id = createWorkshop(t.app, orga, edition.id);
			t.app.workshops.join(facilitator, joinCodeOf(t.app, id));
			expect(t.app.workshops.get(facilitator, id).access.role).toBe('facilitator');
		});

		it('refuses an unknown code', async () => {
			const guest = createGuest(t.app);
			await expectAppError(() => t.app.workshops.join(guest, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'not_found');
			await expectAppError(() => t.app.workshops.peekJoin('nope'), 'not_found');
			expect(count(t.app, 'edition_members', 'user_id = ?', guest.id)).toBe(0);
		});

		it('stops accepting the old code after rotation', async () => {
			const id = createWorkshop(t.app, orga, edition.id);
			const old = joinCodeOf(t.app, id);
			const participant = createGuest(t.app, 'Participant');
			t.app.workshops.join(participant, old);
			await expectAppError(() => t.app.workshops.rotateJoinCode(participant, id), 'forbidden');
			// Facilitators, not only organisers, replace a leaked link.
			t.app.workshops.rotateJoinCode(facilitator, id);
			const fresh = joinCodeOf(t.app, id);
			expect(fresh).not.toBe(old);
			await expectAppError(() => t.app.workshops.join(createGuest(t.app), old), 'not_found');
			expect(t.app.workshops.join(createGuest(t.app), fresh).workshopId).toBe(id);
		});

		it('by the sign’s short code, typed in any case with or without its dash', () => {
			const id = createWorkshop(t.app, orga, edition.id);
			const shortCode = t.app.workshops.get(orga, id).shortCode!;
			expect(shortCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
			expect(t.app.workshops.get(createGuest(t.app), id).shortCode).toBeNull();
			const typed = `${shortCode.slice(0, 4).toLowerCase()}-${shortCode.slice(4).toLowerCase()}`;
			expect(t.app.workshops.peekJoin(typed).workshop.id).toBe(id);
			expect(t.app.workshops.join(createGuest(t.app), ` ${shortCode.toLowerCase()} `).workshopId).toBe(id);
		});

		it('gives every workshop its own short code and replaces it with the join link', async () => {
			const ids = Array.from({ length: 20 }, () => createWorkshop(t.app, orga, edition.id));
			const codes = new Set(ids.map((id) => t.app.workshops.get(orga, id).shortCode));
			expect(codes.size).toBe(20);
			const old = t.app.workshops.get(orga, ids[0]!).shortCode!;
			t.app.workshops.rotateJoinCode(orga, ids[0]!);
			expect(t.app.workshops.get(orga, ids[0]!).shortCode).not.toBe(old);
			await expectAppError(() => t.app.workshops.peekJoin(old), 'not_found');
		});

		it('from the workshop page works for published editions', () => {
			const id = createWorkshop(t.app, orga, edition.id);
			const guest = createGuest(t.app);
			expect(t.app.workshops.joinReadable(guest, id)).toEqual({ workshopId: id, editionId: edition.id });
			expect(t.app.workshops.get(guest, id)).toMatchObject({ isParticipant: true, participantCount: 1, access: { role: 'participant' } });
		});
	});
});
