// Test fixtures: data is set up directly through the domain services on the running server's database,
// so each journey starts where the story starts instead of clicking through unrelated pages.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { createApp, type App } from '../../server/app';
import { openDatabase } from '../../server/db/open';
import type { Viewer } from '../../server/domain/types';
import { SESSION_COOKIE } from '../../server/shared/cookies';

let shared: App | undefined;
function domain(): App {
	shared ??= createApp({ db: openDatabase(path.join(process.env.E2E_DATA_DIR!, 'medialab.sqlite')) });
	return shared;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export type Person = { viewer: Viewer; username: string; password: string };

export type LiveWorkshop = { edition: { id: string }; workshopId: string; joinCode: string; workshopUrl: string };

export const test = base.extend<{
	app: App;
	createPerson: (displayName: string) => Promise<Person>;
	logIn: (context: BrowserContext, person: Person) => Promise<void>;
	/** An edition organised by `organiser` with one workshop happening now. */
	liveWorkshop: (organiser: Person, title: string) => LiveWorkshop;
}>({
	// eslint-disable-next-line no-empty-pattern
	app: async ({}, use) => use(domain()),
	createPerson: async ({ app }, use) =>
		use(async (displayName) => {
			const username = unique('user');
			const password = 'correct horse battery';
			const viewer = await app.accounts.signUp({ username, displayName, password });
			return { viewer, username, password };
		}),
	liveWorkshop: async ({ app }, use) =>
		use((organiser, title) => {
			const edition = app.editions.create(organiser.viewer, { title, startsOn: '2018-09-13', endsOn: '2018-09-14' });
			const workshopId = app.workshops.create(organiser.viewer, edition.id, {
				title: 'Cartographier les communs',
				format: 'atelier-contributif',
				startsAt: '2018-09-13T14:00',
				endsAt: '2018-09-13T15:30',
				statusOverride: 'live'
			});
			const joinCode = app.workshops.get(organiser.viewer, workshopId).joinCode!;
			return { edition, workshopId, joinCode, workshopUrl: `/editions/${edition.id}/workshops/${workshopId}` };
		}),
	logIn: async ({ app, baseURL }, use) =>
		use(async (context, person) => {
			const { token, session } = app.sessions.create(person.viewer.id, false);
			await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: 'Lax', expires: Math.floor(session.expiresAt / 1000) }]);
		})
});

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export { expect };
