import { beforeEach, describe, expect, it } from 'vitest';
import { demoWorkshops } from '../../../server/demo/nec2018';
import { seedDemo } from '../../../server/demo/seed';
import { count, createAccount, createEdition, createTestApp, expectAppError, type TestApp } from '../factories';

describe('demo seed', () => {
	let t: TestApp;
	let editionId: string;
	beforeEach(() => {
		t = createTestApp();
		editionId = seedDemo(t.app)!;
	});

	it('seeds once', () => {
		expect(editionId).toMatch(/^[a-z2-7]{16}$/);
		const workshops = count(t.app, 'workshops');
		expect(seedDemo(t.app)).toBeNull();
		expect(count(t.app, 'editions')).toBe(1);
		expect(count(t.app, 'workshops')).toBe(workshops);
	});

	it('does nothing on an instance that already has an edition', async () => {
		const fresh = createTestApp();
		createEdition(fresh.app, await createAccount(fresh.app, 'olivia'));
		expect(seedDemo(fresh.app)).toBeNull();
		expect(count(fresh.app, 'workshops')).toBe(0);
	});

	it('publishes the NEC 2018 edition in its series', () => {
		const { edition, access } = t.app.editions.get(null, editionId);
		expect(edition).toMatchObject({ title: 'Numérique en Commun[s] 2018', city: 'Nantes', status: 'published', starts_on: '2018-09-13', ends_on: '2018-09-14', series_title: 'Numérique en Commun[s]' });
		expect(access.canRead).toBe(true);
		expect(t.app.editions.listPublished().map((e) => e.id)).toEqual([editionId]);
	});

	it('has 4 themes with aliases, and every workshop', () => {
		const programme = t.app.workshops.programme(null, editionId);
		expect(programme.themes.map((th) => th.label)).toEqual(['#inclusion', '#données', '#lieux', '#communs']);
		for (const theme of programme.themes) expect(theme.aliases.length).toBeGreaterThan(0);
		expect(programme.workshops).toHaveLength(demoWorkshops.length);
		expect(programme.workshops.length).toBeGreaterThanOrEqual(10);
		expect(programme.days).toEqual(['2018-09-13', '2018-09-14']);
		// Every workshop is in a room, tagged, and facilitated by the demo team.
		for (const w of programme.workshops) {
			expect(w.room, w.title).not.toBeNull();
			expect(w.themes.length, w.title).toBeGreaterThan(0);
			expect(w.facilitators.map((f) => f.displayName), w.title).toEqual(['Équipe MédiaLab (démo)']);
		}
		expect(t.app.workshops.programme(null, editionId, { theme: 'data' }).workshops.length).toBeGreaterThan(0);
	});

	it('lists the 5 workshops of the « Communs numériques » track in order', () => {
		const track = t.app.workshops.programme(null, editionId).tracks.find((tr) => tr.title === 'Communs numériques');
		expect(track?.workshops.map((w) => w.title)).toEqual([
			'Identifier les ressources',
			'Produire des communs',
			'Maintenir et pérenniser les communs',
			'Financer les communs',
			'Valoriser et disséminer les communs'
		]);
	});

	it('is organised by a team nobody can log into', async () => {
		const team = t.app.db.prepare('SELECT * FROM users').all() as { username: string | null; password_hash: string | null; is_admin: number }[];
		expect(team).toHaveLength(1);
		expect(team[0]).toMatchObject({ username: null, password_hash: null, is_admin: 0 });
		// The first real account still becomes the instance admin.
		expect((await createAccount(t.app, 'alice')).isAdmin).toBe(true);
		await expectAppError(() => t.app.editions.update(null, editionId, { title: 'x', startsOn: '2018-09-13', endsOn: '2018-09-14' }), 'unauthenticated');
	});
});
