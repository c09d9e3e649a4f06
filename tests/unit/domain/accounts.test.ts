import { beforeEach, describe, expect, it } from 'vitest';
import { GUEST_LIMITS } from '../../../server/domain/accounts/guest-limit';
import { LIMITS } from '../../../server/domain/accounts/login-throttle';
import { createAccount, createGuest, createTestApp, expectAppError, PASSWORD, type TestApp } from '../factories';

describe('accounts', () => {
	let t: TestApp;
	beforeEach(() => {
		t = createTestApp();
	});

	describe('sign-up', () => {
		it('makes the first account admin, and only the first', async () => {
			expect(t.app.accounts.hasAccounts()).toBe(false);
			const first = await createAccount(t.app, 'alice');
			const second = await createAccount(t.app, 'bruno');
			expect(first).toMatchObject({ username: 'alice', displayName: 'Alice', isAdmin: true, isGuest: false });
			expect(second).toMatchObject({ username: 'bruno', isAdmin: false, isGuest: false });
			expect(t.app.accounts.hasAccounts()).toBe(true);
			const stored = t.app.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(first.id) as string;
			expect(stored).toMatch(/^\$argon2id\$/);
			expect(stored).not.toContain(PASSWORD);
		});

		it('refuses a taken username, whatever its case, naming the field', async () => {
			await createAccount(t.app, 'alice');
			const error = await expectAppError(() => createAccount(t.app, 'Alice'), 'conflict');
			expect(error.fields).toEqual({ username: 'usernameTaken' });
			expect(t.app.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
		});

		it('validates every field at once', async () => {
			const error = await expectAppError(() => t.app.accounts.signUp({ username: 'a!', displayName: '', password: 'short', email: 'nope' }), 'invalid');
			expect(error.fields).toEqual({ username: 'usernameShort', displayName: 'required', password: 'passwordShort', email: 'invalidEmail' });
		});
	});

	describe('log-in', () => {
		it('returns the viewer for the right password, case-insensitively on the username', async () => {
			const alice = await createAccount(t.app, 'alice');
			expect(await t.app.accounts.logIn({ username: 'ALICE', password: PASSWORD }, 'device-1')).toEqual(alice);
		});

		it('refuses a wrong password and an unknown user alike', async () => {
			await createAccount(t.app, 'alice');
			const wrong = await expectAppError(() => t.app.accounts.logIn({ username: 'alice', password: 'not the password' }, 'device-1'), 'unauthenticated');
			const unknown = await expectAppError(() => t.app.accounts.logIn({ username: 'nobody', password: PASSWORD }, 'device-1'), 'unauthenticated');
			expect(wrong.fields).toEqual({ _: 'wrongCredentials' });
			expect(unknown.fields).toEqual(wrong.fields);
			expect(unknown.message).toBe(wrong.message);
		});

		/** Tries a log-in; returns 'ok', 'wrong' or the wait asked for (seconds). */
		const attempt = async (username: string, password: string, device: string): Promise<'ok' | 'wrong' | number> => {
			try {
				await t.app.accounts.logIn({ username, password }, device);
				return 'ok';
			} catch (e) {
				const err = e as { code?: string; hint?: { retryAfterS?: number }; fields?: Record<string, string> };
				if (err.code === 'unauthenticated') return 'wrong';
				if (err.code === 'rate_limited') {
					expect(err.fields).toEqual({ _: 'tooManyAttempts' });
					return err.hint!.retryAfterS!;
				}
				throw e;
			}
		};

		it('a stranger failing 20 times for an organiser gets a growing wait, and the organiser logs in at once from another client', async () => {
			await createAccount(t.app, 'alice');
			const waits: number[] = [];
			let failures = 0;
			while (failures < 20) {
				const result = await attempt('alice', `guess number ${failures}`, 'stranger-laptop');
				if (result === 'wrong') failures += 1;
				else if (typeof result === 'number') {
					waits.push(result);
					t.advance(result * 1000);
				} else throw new Error('a guess succeeded');
			}
			// Free attempts first, then 1 s, 2 s, 4 s… up to 15 min.
			expect(waits.length).toBe(20 - LIMITS.clientFree);
			expect(waits[0]).toBe(1);
			for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
			expect(waits.at(-1)).toBe(LIMITS.maxDelayMs / 1000);
			expect(await attempt('alice', PASSWORD, 'stranger-laptop')).toBeGreaterThan(0);

			expect(await attempt('alice', PASSWORD, 'alice-phone')).toBe('ok');
			expect(await attempt('alice', PASSWORD, 'a-fresh-laptop')).toBe('ok');
		});

		it('many clients guessing one account slow down only the clients that account never used', async () => {
			await createAccount(t.app, 'alice');
			expect(await attempt('alice', PASSWORD, 'alice-phone')).toBe('ok');
			for (let i = 0; i < LIMITS.accountFree; i++) expect(await attempt('alice', 'wrong password', `bot-${i}`)).toBe('wrong');
			// A new client now waits for this account (and only this one)…
			expect(await attempt('alice', PASSWORD, 'bot-new')).toBe(1);
			expect(await attempt('bruno', 'wrong password', 'bot-new')).toBe('wrong');
			// …but the device alice logged in from before is never held back by strangers.
			expect(await attempt('alice', PASSWORD, 'alice-phone')).toBe('ok');
			// The account's counter is forgotten after a quiet quarter of an hour.
			t.advance(LIMITS.firstDelayMs + LIMITS.quietMs + 1);
			expect(await attempt('alice', PASSWORD, 'bot-new')).toBe('ok');
		});

		it('evaluates at most the free attempts for an account, even when they arrive together', async () => {
			await createAccount(t.app, 'alice');
			const attempts = Array.from({ length: 20 }, (_, i) => t.app.accounts.logIn({ username: 'alice', password: `guess number ${i}` }, `device-${i}`));
			const codes = (await Promise.allSettled(attempts)).map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'));
			expect(codes.filter((c) => c === 'unauthenticated').length).toBeLessThanOrEqual(LIMITS.accountFree);
			expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(20 - LIMITS.accountFree);
		});

		it('slows one client down across accounts, not the others, and forgets it after a quiet quarter of an hour', async () => {
			await createAccount(t.app, 'alice');
			for (let i = 0; i < LIMITS.clientFree; i++) expect(await attempt(`someone${i}`, 'whatever password', 'shared-laptop')).toBe('wrong');
			expect(await attempt('alice', PASSWORD, 'shared-laptop')).toBe(1);
			expect(await attempt('alice', PASSWORD, 'her-phone')).toBe('ok');
			t.advance(LIMITS.firstDelayMs + LIMITS.quietMs + 1);
			expect(await attempt('alice', 'wrong password', 'shared-laptop')).toBe('wrong');
			expect(await attempt('alice', PASSWORD, 'shared-laptop')).toBe('ok');
		});

		it('a successful log-in starts the client\'s count again', async () => {
			await createAccount(t.app, 'alice');
			for (let i = 0; i < LIMITS.clientFree - 1; i++) expect(await attempt('alice', 'wrong password', 'd')).toBe('wrong');
			expect(await attempt('alice', PASSWORD, 'd')).toBe('ok');
			for (let i = 0; i < LIMITS.clientFree; i++) expect(await attempt('alice', 'wrong password', 'd')).toBe('wrong');
			expect(await attempt('alice', PASSWORD, 'd')).toBe(1);
		});
	});

	describe('guests', () => {
		const guestsCount = () => t.app.db.prepare('SELECT count(*) FROM users WHERE is_guest = 1').pluck().get() as number;
		const tryGuest = (clientId: string, link: string) => {
			try {
				t.app.accounts.createGuest({ displayName: 'Camille' }, { clientId, link });
				return 'ok';
			} catch (e) {
				const err = e as { code?: string; fields?: Record<string, string>; hint?: { retryAfterS?: number } };
				expect(err.code).toBe('rate_limited');
				expect(err.fields).toEqual({ _: 'tooManyGuests' });
				return err.hint!.retryAfterS!;
			}
		};

		it('100 guests in a burst through one join link: a room full of people gets in, the rest waits, other links do not', () => {
			expect(GUEST_LIMITS.link.burst).toBe(60);
			const results = Array.from({ length: 100 }, (_, i) => tryGuest(`phone-${i}`, 'join:ABCD'));
			expect(results.filter((r) => r === 'ok').length).toBe(GUEST_LIMITS.link.burst);
			expect(results.at(-1)).toBe(2);
			expect(guestsCount()).toBe(GUEST_LIMITS.link.burst);
			expect(tryGuest('phone-other', 'join:EFGH')).toBe('ok');
			t.advance(GUEST_LIMITS.link.everyMs);
			expect(tryGuest('phone-late', 'join:ABCD')).toBe('ok');
			expect(tryGuest('phone-later', 'join:ABCD')).toBe(2);
		});

		it('one device making guest after guest waits a minute per guest after a few', () => {
			for (let i = 0; i < GUEST_LIMITS.client.burst; i++) expect(tryGuest('kiosk', `join:CODE${i}`)).toBe('ok');
			expect(tryGuest('kiosk', 'join:NEW')).toBe(60);
			expect(tryGuest('someone-else', 'join:NEW')).toBe('ok');
			t.advance(GUEST_LIMITS.client.everyMs);
			expect(tryGuest('kiosk', 'join:NEW')).toBe('ok');
		});

		it('guests the server makes itself (the demo) are not limited', () => {
			for (let i = 0; i < 80; i++) createGuest(t.app, `Demo ${i}`);
			expect(guestsCount()).toBe(80);
		});

		it('need a display name', async () => {
			const error = await expectAppError(() => t.app.accounts.createGuest({ displayName: '   ' }), 'invalid');
			expect(error.fields).toEqual({ displayName: 'required' });
			await expectAppError(() => t.app.accounts.createGuest({}), 'invalid');
		});

		it('are users without username or password, and do not count as accounts', () => {
			const guest = createGuest(t.app, 'Camille');
			expect(guest).toMatchObject({ displayName: 'Camille', username: null, isGuest: true, isAdmin: false });
			expect(t.app.accounts.getViewer(guest.id)).toEqual(guest);
			expect(t.app.accounts.hasAccounts()).toBe(false);
		});

		it('can be renamed', () => {
			const guest = createGuest(t.app, 'Camille');
			expect(t.app.accounts.renameGuest(guest, { displayName: 'Camille D.' }).displayName).toBe('Camille D.');
			expect(t.app.accounts.getViewer(guest.id)?.displayName).toBe('Camille D.');
		});

		it('keep their user id, and so their contributions, when they claim an account', async () => {
			const alice = await createAccount(t.app, 'alice');
			const guest = createGuest(t.app, 'Camille');
			const edition = t.app.editions.create(alice, { title: 'NEC', startsOn: '2018-09-13', endsOn: '2018-09-13' });
			t.app.members.ensureParticipant(edition.id, guest.id);

			const claimed = await createAccount(t.app, 'camille', { guestId: guest.id });
			expect(claimed).toMatchObject({ id: guest.id, username: 'camille', isGuest: false, isAdmin: false });
			expect(t.app.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(2);
			expect(t.app.db.prepare('SELECT role FROM edition_members WHERE user_id = ?').pluck().get(guest.id)).toBe('participant');
			await expect(t.app.accounts.logIn({ username: 'camille', password: PASSWORD }, 'd')).resolves.toMatchObject({ id: guest.id });
		});
	});

	describe('changePassword', () => {
		it('checks the current password, then replaces it', async () => {
			const alice = await createAccount(t.app, 'alice');
			const error = await expectAppError(() => t.app.accounts.changePassword(alice, { currentPassword: 'not my password', newPassword: 'a brand new secret' }), 'invalid');
			expect(error.fields).toEqual({ currentPassword: 'wrongPassword' });
			await expect(t.app.accounts.logIn({ username: 'alice', password: PASSWORD }, 'd')).resolves.toMatchObject({ id: alice.id });

			await t.app.accounts.changePassword(alice, { currentPassword: PASSWORD, newPassword: 'a brand new secret' });
			await expectAppError(() => t.app.accounts.logIn({ username: 'alice', password: PASSWORD }, 'd'), 'unauthenticated');
			await expect(t.app.accounts.logIn({ username: 'alice', password: 'a brand new secret' }, 'd')).resolves.toMatchObject({ id: alice.id });
		});

		it('refuses a too short new password', async () => {
			const alice = await createAccount(t.app, 'alice');
			const error = await expectAppError(() => t.app.accounts.changePassword(alice, { currentPassword: PASSWORD, newPassword: 'short' }), 'invalid');
			expect(error.fields).toEqual({ newPassword: 'passwordShort' });
		});
	});

	describe('ensureAdmin', () => {
		it('creates the configured admin, or promotes and resets an existing account', async () => {
			await t.app.accounts.ensureAdmin('root', 'the admin password');
			await expect(t.app.accounts.logIn({ username: 'root', password: 'the admin password' }, 'd')).resolves.toMatchObject({ isAdmin: true });

			await createAccount(t.app, 'bruno');
			await t.app.accounts.ensureAdmin('bruno', 'another admin password');
			await expect(t.app.accounts.logIn({ username: 'bruno', password: 'another admin password' }, 'd')).resolves.toMatchObject({ isAdmin: true });
		});
	});
});
