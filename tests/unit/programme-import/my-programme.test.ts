import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { renderSchedule } from '../../../server/exports/schedule/schedule-export';
import { createAccount, createEdition, createGuest, createTestApp, expectAppError, joinCodeOf, MINUTE, PASSWORD, type TestApp } from '../factories';
import { fixture, laterVersion } from './fixtures';

type Vevent = { uid: string; summary: string; start: string; sequence: number; lastModified: string; status: string };
function events(ics: string): Vevent[] {
	return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => {
		const e = new ICAL.Event(c);
		return {
			uid: e.uid,
			summary: e.summary,
			start: e.startDate.toJSDate().toISOString(),
			sequence: e.sequence,
			lastModified: String(c.getFirstPropertyValue('last-modified')),
			status: String(c.getFirstPropertyValue('status'))
		};
	});
}

describe('« Mon programme » and its personal calendar feed', () => {
	let t: TestApp;
	let orga: Viewer;
	let reader: Viewer;
	let edition: EditionRow;
	const ids = () => Object.fromEntries(t.app.workshops.programme(orga, edition.id).workshops.map((w) => [w.title.split(' ')[0], w.id]));
	const feed = (token: string) => renderSchedule(t.app.myProgramme.feed(token), 'ics', { baseUrl: 'https://medialab.example.org', now: t.now() }).body;

	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		reader = await createAccount(t.app, 'rachid');
		edition = createEdition(t.app, orga, { startsOn: '2026-10-08', endsOn: '2026-10-09' });
		const importer = t.app.programmeImport;
		importer.apply(orga, edition.id, importer.prepare(orga, edition.id, fixture('pretalx-dialect.xml')));
		t.app.editions.setStatus(orga, edition.id, { status: 'published' });
	});

	it('keeps the sessions a person picks, and serves only those in their feed, under the edition feed’s UIDs', () => {
		const { Ouverture, Nuit } = ids();
		expect(t.app.myProgramme.state(reader, edition.id)).toEqual({ picked: [], feedToken: null });
		t.app.myProgramme.setPicked(reader, edition.id, Ouverture!, true);
		t.app.myProgramme.setPicked(reader, edition.id, Nuit!, true);
		t.app.myProgramme.setPicked(reader, edition.id, Nuit!, true); // twice: still once
		expect(t.app.myProgramme.state(reader, edition.id)!.picked).toEqual([Ouverture, Nuit]);

		const token = t.app.myProgramme.renewFeed(reader, edition.id);
		expect(token).toMatch(/^mlcal_[a-z2-7]{32}$/);
		const mine = events(feed(token));
		expect(mine.map((e) => [e.uid, e.summary])).toEqual([
			[`workshop-${Ouverture}@medialab`, 'Ouverture : le numérique d\'intérêt général & ses communs'],
			[`workshop-${Nuit}@medialab`, 'Nuit du code ouvert']
		]);
		expect(mine[0]!.start).toBe('2026-10-08T07:30:00.000Z');
		const whole = events(renderSchedule(t.app.workshops.programme(reader, edition.id), 'ics', { baseUrl: 'https://medialab.example.org', now: t.now() }).body);
		expect(whole.length).toBeGreaterThan(2);
		expect(whole.filter((e) => mine.some((m) => m.uid === e.uid))).toHaveLength(2);

		t.app.myProgramme.setPicked(reader, edition.id, Nuit!, false);
		expect(events(feed(token)).map((e) => e.summary)).toEqual(['Ouverture : le numérique d\'intérêt général & ses communs']);
	});

	it('follows the programme: a moved session keeps its UID with a higher SEQUENCE and a new LAST-MODIFIED, a cancelled one says so', () => {
		const { Ouverture, Cartographier: Atelier, Nuit } = ids();
		for (const id of [Ouverture!, Atelier!, Nuit!]) t.app.myProgramme.setPicked(reader, edition.id, id, true);
		const token = t.app.myProgramme.renewFeed(reader, edition.id);
		const before = events(feed(token));

		t.advance(90 * MINUTE);
		const importer = t.app.programmeImport;
		importer.apply(orga, edition.id, importer.prepare(orga, edition.id, laterVersion(fixture('pretalx-dialect.xml'))));
		const after = events(feed(token));

		expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
		const [o0, a0, n0] = before;
		const [o1, a1, n1] = after;
		expect(o1!.summary).toBe('Ouverture officielle : le numérique d\'intérêt général & ses communs');
		expect(a1!.start).toBe('2026-10-08T12:00:00.000Z');
		expect(a0!.start).toBe('2026-10-08T09:00:00.000Z');
		expect([n0!.status, n1!.status]).toEqual(['CONFIRMED', 'CANCELLED']);
		for (const [b, a] of [[o0, o1], [a0, a1], [n0, n1]] as const) {
			expect(a!.sequence).toBeGreaterThan(b!.sequence);
			expect(a!.lastModified).not.toBe(b!.lastModified);
		}
	});

	it('renewing the address kills the old one, revoking kills it, and nobody else’s picks show', async () => {
		const { Ouverture, Cartographier: Atelier } = ids();
		const other = await createAccount(t.app, 'sacha');
		expect(Atelier).toBeDefined();
		t.app.myProgramme.setPicked(reader, edition.id, Ouverture!, true);
		t.app.myProgramme.setPicked(other, edition.id, Atelier!, true);
		const first = t.app.myProgramme.renewFeed(reader, edition.id);
		const second = t.app.myProgramme.renewFeed(reader, edition.id);
		expect(second).not.toBe(first);
		expect(t.app.myProgramme.state(reader, edition.id)!.feedToken).toBe(second);
		await expectAppError(() => t.app.myProgramme.feed(first), 'not_found');
		expect(events(feed(second)).map((e) => e.uid)).toEqual([`workshop-${Ouverture}@medialab`]);
		const othersToken = t.app.myProgramme.renewFeed(other, edition.id);
		expect(events(feed(othersToken)).map((e) => e.uid)).toEqual([`workshop-${Atelier}@medialab`]);

		t.app.myProgramme.revokeFeed(reader, edition.id);
		await expectAppError(() => t.app.myProgramme.feed(second), 'not_found');
		await expectAppError(() => t.app.myProgramme.feed('mlcal_notatokenatallxxxxxx'), 'not_found');
		expect(events(feed(othersToken))).toHaveLength(1);
	});

	it('is refused to readers without an account, and to sessions of another edition', async () => {
		const { Ouverture } = ids();
		expect(t.app.myProgramme.state(null, edition.id)).toBeNull();
		await expectAppError(() => t.app.myProgramme.setPicked(null, edition.id, Ouverture!, true), 'unauthenticated');
		await expectAppError(() => t.app.myProgramme.renewFeed(null, edition.id), 'unauthenticated');
		const elsewhere = createEdition(t.app, orga, { title: 'Autre édition' });
		await expectAppError(() => t.app.myProgramme.setPicked(orga, elsewhere.id, Ouverture!, true), 'not_found');
	});

	it('lets a guest of a workshop keep a programme and a feed', () => {
		const { Ouverture, Cartographier: Atelier } = ids();
		const guest = createGuest(t.app, 'Camille');
		t.app.workshops.join(guest, joinCodeOf(t.app, Atelier!));
		expect(guest.isGuest).toBe(true);
		t.app.myProgramme.setPicked(guest, edition.id, Ouverture!, true);
		const token = t.app.myProgramme.renewFeed(guest, edition.id);
		expect(events(feed(token)).map((e) => e.uid)).toEqual([`workshop-${Ouverture}@medialab`]);
	});

	it('stops answering when its owner may no longer read the edition (back to draft), and answers again once published', async () => {
		const { Ouverture } = ids();
		t.app.myProgramme.setPicked(reader, edition.id, Ouverture!, true);
		const token = t.app.myProgramme.renewFeed(reader, edition.id);
		t.app.editions.setStatus(orga, edition.id, { status: 'draft' });
		await expectAppError(() => t.app.myProgramme.feed(token), 'not_found');
		// The organiser still reads the draft: their own feed keeps working.
		t.app.myProgramme.setPicked(orga, edition.id, Ouverture!, true);
		expect(events(feed(t.app.myProgramme.renewFeed(orga, edition.id)))).toHaveLength(1);
		t.app.editions.setStatus(orga, edition.id, { status: 'published' });
		expect(events(feed(token))).toHaveLength(1);
	});

	it('is part of the person’s data export (without the secret address), and erasing the account removes picks and feed', async () => {
		const { Ouverture } = ids();
		t.app.myProgramme.setPicked(reader, edition.id, Ouverture!, true);
		const token = t.app.myProgramme.renewFeed(reader, edition.id);
		const data = await t.app.privacy.collect(reader);
		expect((await data).programmePicks).toEqual([expect.objectContaining({ editionId: edition.id, workshopId: Ouverture, workshopTitle: expect.stringContaining('Ouverture') })]);
		expect((await data).programmeFeeds).toEqual([expect.objectContaining({ editionId: edition.id })]);
		expect(JSON.stringify(data)).not.toContain(token);

		await t.app.privacy.erase(reader, { password: PASSWORD });
		await expectAppError(() => t.app.myProgramme.feed(token), 'not_found');
		expect(t.app.db.prepare('SELECT count(*) FROM programme_picks').pluck().get()).toBe(0);
	});
});
