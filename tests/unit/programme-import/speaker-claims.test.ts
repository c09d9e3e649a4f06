import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createGuest, createTestApp, DAY, expectAppError, type TestApp } from '../factories';
import { fixture, laterVersion } from './fixtures';

const OPENING = "Ouverture : le numérique d'intérêt général & ses communs";

describe('listed speakers claiming their name', () => {
	let t: TestApp;
	let orga: Viewer;
	let edition: EditionRow;
	let workshopId: string;
	const importXml = (xml: string) => {
		const importer = t.app.programmeImport;
		importer.apply(orga, edition.id, importer.prepare(orga, edition.id, xml), { Hackathon: 'atelier-contributif' });
	};
	const view = () => t.app.workshops.programme(orga, edition.id).workshops.find((w) => w.id === workshopId)!;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		edition = createEdition(t.app, orga, { startsOn: '2026-10-08', endsOn: '2026-10-09' });
		t.setTime('2026-10-01T08:00:00Z');
		importXml(fixture('pretalx-dialect.xml'));
		workshopId = t.app.workshops.programme(orga, edition.id).workshops.find((w) => w.title === OPENING)!.id;
	});

	it('lists the imported speakers; the link, stored only as a hash, makes its opener facilitator of the workshop and the edition', async () => {
		const claims = t.app.speakerClaims;
		expect(claims.list(orga, workshopId)).toEqual([
			{ name: 'Camille Martin', claim: null, openLinks: [] },
			{ name: 'Sacha Durand', claim: null, openLinks: [] }
		]);
		const { token, id } = claims.create(orga, workshopId, { name: 'Camille Martin' });
		expect(token.length).toBeGreaterThanOrEqual(32);
		expect(count(t.app, 'speaker_claims', 'token_hash = ?', token)).toBe(0);
		expect(claims.list(orga, workshopId)[0]!.openLinks.map((l) => l.id)).toEqual([id]);
		expect(claims.peek(token).claim.speaker_name).toBe('Camille Martin');

		const camille = await createAccount(t.app, 'camille');
		expect(claims.accept(camille, token)).toEqual({ editionId: edition.id, workshopId });
		expect(count(t.app, 'workshop_facilitators', 'workshop_id = ? AND user_id = ?', workshopId, camille.id)).toBe(1);
		expect(t.app.db.prepare('SELECT role FROM edition_members WHERE edition_id = ? AND user_id = ?').pluck().get(edition.id, camille.id)).toBe('facilitator');
		// Shown once: as the facilitator (under the account's name), no longer in the listed names.
		expect(view()).toMatchObject({ speakers: 'Sacha Durand', facilitators: [{ id: camille.id, displayName: 'Camille' }] });
		expect(claims.list(orga, workshopId)[0]).toEqual({ name: 'Camille Martin', claim: { id, userId: camille.id, displayName: 'Camille' }, openLinks: [] });

		// Single use, and a claimed name takes no new link.
		const sacha = await createAccount(t.app, 'sacha');
		expect((await expectAppError(() => claims.accept(sacha, token), 'conflict')).fields).toEqual({ _: 'inviteUsed' });
		await expectAppError(() => claims.create(orga, workshopId, { name: 'Camille Martin' }), 'conflict');
		await expectAppError(() => claims.create(orga, workshopId, { name: 'Someone else' }), 'invalid');
	});

	it('keeps the link between name and account through a re-import that retitles the workshop', async () => {
		const camille = await createAccount(t.app, 'camille');
		t.app.speakerClaims.accept(camille, t.app.speakerClaims.create(orga, workshopId, { name: 'Camille Martin' }).token);
		importXml(laterVersion(fixture('pretalx-dialect.xml')));
		expect(view()).toMatchObject({ title: 'Ouverture officielle : le numérique d\'intérêt général & ses communs', speakers: 'Sacha Durand', facilitators: [{ id: camille.id }] });
		expect(t.app.speakerClaims.list(orga, workshopId)[0]!.claim?.userId).toBe(camille.id);
	});

	it('refuses revoked and expired links, guests, and people who do not organise the edition', async () => {
		const claims = t.app.speakerClaims;
		const camille = await createAccount(t.app, 'camille');
		const revoked = claims.create(orga, workshopId, { name: 'Camille Martin' });
		claims.revoke(orga, workshopId, revoked.id);
		await expectAppError(() => claims.accept(camille, revoked.token), 'not_found');
		await expectAppError(() => claims.revoke(orga, workshopId, revoked.id), 'conflict');

		const expiring = claims.create(orga, workshopId, { name: 'Camille Martin' });
		await expectAppError(() => claims.accept(createGuest(t.app, 'Camille'), expiring.token), 'unauthenticated');
		await expectAppError(() => claims.accept(null, expiring.token), 'unauthenticated');
		t.advance(31 * DAY);
		expect((await expectAppError(() => claims.accept(camille, expiring.token), 'conflict')).fields).toEqual({ _: 'inviteExpired' });

		const facilitator = await createAccount(t.app, 'fanny');
		t.app.members.acceptInvite(facilitator, t.app.members.createInvite(orga, edition.id, { role: 'facilitator' }).token);
		await expectAppError(() => claims.create(facilitator, workshopId, { name: 'Camille Martin' }), 'forbidden');
		await expectAppError(() => claims.list(camille, workshopId), 'not_found'); // a draft edition stays unknown to outsiders
		expect(count(t.app, 'workshop_facilitators')).toBe(0);
	});

	it('never demotes an organiser who claims a name, and unlinking shows the listed name again', async () => {
		const claims = t.app.speakerClaims;
		const { token } = claims.create(orga, workshopId, { name: 'Sacha Durand' });
		claims.accept(orga, token);
		expect(t.app.db.prepare('SELECT role FROM edition_members WHERE edition_id = ? AND user_id = ?').pluck().get(edition.id, orga.id)).toBe('organiser');
		expect(view().speakers).toBe('Camille Martin');
		claims.revoke(orga, workshopId, claims.list(orga, workshopId)[1]!.claim!.id);
		expect(view().speakers).toBe('Camille Martin, Sacha Durand');
	});
});
