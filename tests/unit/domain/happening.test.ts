import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { seedDemo } from '../../../server/demo/seed';
import { createAccount, createEdition, createTestApp, createWorkshop, joinCodeOf, type TestApp } from '../factories';

// The test clock starts on 2018-09-13 at 10:00 in Paris.
describe('the home page’s « now »', () => {
	let t: TestApp;
	let olivia: Viewer;
	let oscar: Viewer;
	let editionId: string;
	beforeEach(async () => {
		t = createTestApp();
		await createAccount(t.app, 'admin'); // the first account administers the instance and sees every edition
		olivia = await createAccount(t.app, 'olivia');
		oscar = await createAccount(t.app, 'oscar');
		editionId = createEdition(t.app, olivia, { title: 'NEC 2018', status: 'published' }).id;
		createWorkshop(t.app, olivia, editionId, { title: 'Ouverture', startsAt: '2018-09-13T08:30', endsAt: '2018-09-13T09:30' });
		createWorkshop(t.app, olivia, editionId, { title: 'Communs', startsAt: '2018-09-13T09:30', endsAt: '2018-09-13T11:00' });
		createWorkshop(t.app, olivia, editionId, { title: 'Après-midi', startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:30' });
		createWorkshop(t.app, olivia, editionId, { title: 'Matin', startsAt: '2018-09-13T11:30', endsAt: '2018-09-13T12:30' });
	});

	it('lists the live workshops and the next ones in time order, on each edition’s clock', () => {
		const now = t.app.happening.now(null);
		expect(now.live.map((w) => w.title)).toEqual(['Communs']);
		expect(now.next.map((w) => w.title)).toEqual(['Matin', 'Après-midi']);
		expect(now.live[0]).toMatchObject({ editionId, editionTitle: 'NEC 2018', timeZone: 'Europe/Paris' });
	});

	it('shows a draft edition to its members only, and leaves out editions that are over', () => {
		const draft = createEdition(t.app, oscar, { title: 'Brouillon' }).id;
		createWorkshop(t.app, oscar, draft, { title: 'En préparation', startsAt: '2018-09-13T09:00', endsAt: '2018-09-13T12:00' });
		const past = createEdition(t.app, oscar, { title: 'NEC 2017', startsOn: '2017-09-13', endsOn: '2017-09-14', status: 'published' }).id;
		createWorkshop(t.app, oscar, past, { title: 'Passé', startsAt: '2017-09-13T09:00', endsAt: '2017-09-13T12:00' });
		expect(t.app.happening.now(null).live.map((w) => w.title)).toEqual(['Communs']);
		expect(t.app.happening.now(olivia).live.map((w) => w.title)).toEqual(['Communs']);
		expect(t.app.happening.now(oscar).live.map((w) => w.title).sort()).toEqual(['Communs', 'En préparation']);
	});

	it('offers nothing live once the day is over', () => {
		t.setTime('2018-09-20T10:00:00Z');
		expect(t.app.happening.now(null)).toMatchObject({ live: [], next: [] });
	});
});

describe('the home page’s latest deliverables and a closed workshop’s join link', () => {
	it('lists the newest published deliverables first, with their edition', async () => {
		const t = createTestApp();
		await seedDemo(t.app);
		const latest = t.app.happening.now(null, 3).latestDeliverables;
		expect(latest).toHaveLength(3);
		expect(latest.map((d) => d.publishedAt)).toEqual([...latest.map((d) => d.publishedAt)].sort().reverse());
		expect(latest.every((d) => d.editionTitle !== '' && d.publishedAt.startsWith('2018-09-1'))).toBe(true);
	});

	it('tells the join page that a workshop is closed', async () => {
		const t = createTestApp();
		const olivia = await createAccount(t.app, 'olivia');
		const editionId = createEdition(t.app, olivia, { status: 'published' }).id;
		const closed = createWorkshop(t.app, olivia, editionId, { startsAt: '2018-09-13T08:00', endsAt: '2018-09-13T09:00' });
		const later = createWorkshop(t.app, olivia, editionId);
		expect(t.app.workshops.peekJoin(joinCodeOf(t.app, closed)).workshop.status).toBe('closed');
		expect(t.app.workshops.peekJoin(joinCodeOf(t.app, later)).workshop.status).toBe('upcoming');
	});
});
