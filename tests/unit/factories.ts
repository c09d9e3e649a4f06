// Small factories for unit tests: a fresh app over an in-memory database, with a clock the test moves by hand.
import { expect } from 'vitest';
import { createApp, type App } from '../../server/app';
import { openDatabase } from '../../server/db/open';
import type { EditionRow } from '../../server/domain/editions/editions.repo';
import type { LinkCheckOptions } from '../../server/domain/proceedings/link-check';
import type { Viewer } from '../../server/domain/types';
import { isAppError, type AppError, type ErrorCode } from '../../server/shared/errors';

/** 10:00 in Nantes on the first day of the NEC 2018 demo edition. */
export const START = Date.parse('2018-09-13T08:00:00Z');
export const PASSWORD = 'correct horse battery';
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export type TestApp = {
	app: App;
	now: () => number;
	/** Sets the clock to an ISO instant (or ms). */
	setTime: (at: string | number) => void;
	advance: (ms: number) => void;
};

/** `linkCheck`: how the proceedings' link check fetches (tests point it at a local server, so private addresses allowed). */
export function createTestApp(options: { sessionDays?: number; linkCheck?: Partial<LinkCheckOptions> } = {}): TestApp {
	let now = START;
	const clock = () => now;
	const app = createApp({ db: openDatabase(':memory:'), clock, sessionDays: options.sessionDays ?? 30, linkCheck: options.linkCheck });
	return {
		app,
		now: clock,
		setTime: (at) => {
			now = typeof at === 'number' ? at : Date.parse(at);
		},
		advance: (ms) => {
			now += ms;
		}
	};
}

export function createAccount(app: App, username: string, options: { password?: string; guestId?: string } = {}): Promise<Viewer> {
	return app.accounts.signUp({ username, displayName: `${username[0]!.toUpperCase()}${username.slice(1)}`, password: options.password ?? PASSWORD }, { guestId: options.guestId });
}

export function createGuest(app: App, displayName = 'Camille'): Viewer {
	return app.accounts.createGuest({ displayName });
}

export type EditionOverrides = Partial<{
	title: string;
	seriesTitle: string;
	city: string;
	venue: string;
	startsOn: string;
	endsOn: string;
	description: string;
	licence: string;
	timeZone: string;
	status: 'draft' | 'published';
}>;

export function createEdition(app: App, organiser: Viewer | null, overrides: EditionOverrides = {}): EditionRow {
	const { status, ...fields } = overrides;
	const edition = app.editions.create(organiser, { title: 'Numérique en Commun[s] test', city: 'Nantes', startsOn: '2018-09-13', endsOn: '2018-09-14', ...fields });
	return status === 'published' ? app.editions.setStatus(organiser, edition.id, { status }) : edition;
}

export type WorkshopOverrides = Partial<{
	title: string;
	format: string;
	description: string;
	speakers: string;
	trackId: string;
	roomId: string;
	themeIds: string[];
	facilitatorIds: string[];
	startsAt: string;
	endsAt: string;
	statusOverride: string;
}>;

export function createWorkshop(app: App, organiser: Viewer, editionId: string, overrides: WorkshopOverrides = {}): string {
	return app.workshops.create(organiser, editionId, {
		title: 'Identifier les ressources',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		...overrides
	});
}

/** The secret join code of a workshop, as printed on its QR code. */
export function joinCodeOf(app: App, workshopId: string): string {
	return app.db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(workshopId) as string;
}

export function count(app: App, table: string, where = '1 = 1', ...params: unknown[]): number {
	return app.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
}

/**
 * Runs `run` (sync or async) and asserts it fails with an AppError of `code`; returns the error for further checks.
 * Always `await` it.
 */
export async function expectAppError(run: () => unknown, code: ErrorCode): Promise<AppError> {
	let outcome: unknown;
	try {
		outcome = run();
		if (outcome instanceof Promise) outcome = await outcome;
	} catch (e) {
		if (!isAppError(e)) throw new Error(`expected AppError « ${code} », got ${String(e)}`, { cause: e });
		expect(e.code, e.message).toBe(code);
		return e;
	}
	throw new Error(`expected AppError « ${code} », but it succeeded with ${JSON.stringify(outcome)}`);
}
