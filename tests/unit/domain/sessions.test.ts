import { beforeEach, describe, expect, it } from 'vitest';
import { GUEST_SESSION_DAYS } from '../../../server/domain/accounts/sessions.service';
import type { Viewer } from '../../../server/domain/types';
import { hashToken } from '../../../server/shared/crypto';
import { count, createAccount, createGuest, createTestApp, DAY, type TestApp } from '../factories';

describe('sessions', () => {
	let t: TestApp;
	let alice: Viewer;
	beforeEach(async () => {
		t = createTestApp({ sessionDays: 30 });
		alice = await createAccount(t.app, 'alice');
	});

	const storedExpiry = (id: string) => t.app.db.prepare('SELECT expires_at FROM auth_sessions WHERE id = ?').pluck().get(id) as number | undefined;

	it('stores only the SHA-256 of the token', () => {
		const { token, session } = t.app.sessions.create(alice.id, false);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const rows = t.app.db.prepare('SELECT id FROM auth_sessions').pluck().all();
		expect(rows).toEqual([hashToken(token)]);
		expect(rows[0]).not.toBe(token);
		expect(session.id).toBe(hashToken(token));
		expect(JSON.stringify(t.app.db.prepare('SELECT * FROM auth_sessions').all())).not.toContain(token);
	});

	it('validates a token into its viewer, and refuses unknown tokens', () => {
		const { token, session } = t.app.sessions.create(alice.id, false);
		const result = t.app.sessions.validate(token);
		expect(result?.viewer).toEqual(alice);
		expect(result?.session).toEqual(session);
		expect(result?.fresh).toBe(false);
		expect(t.app.sessions.validate(session.id)).toBeNull();
		expect(t.app.sessions.validate('not-a-token')).toBeNull();
	});

	it('expires after sessionDays: validate returns null and deletes the row', () => {
		const first = t.app.sessions.create(alice.id, false);
		const second = t.app.sessions.create(alice.id, false);
		expect(second.session.expiresAt).toBe(t.now() + 30 * DAY);
		t.advance(30 * DAY - 1);
		expect(t.app.sessions.validate(first.token)?.viewer.id).toBe(alice.id);
		t.advance(1);
		expect(t.app.sessions.validate(second.token)).toBeNull();
		expect(storedExpiry(second.session.id)).toBeUndefined();
		// The first one was validated past half-life, so it slid and lives on.
		expect(storedExpiry(first.session.id)).toBeDefined();
	});

	it('uses the configured session length', async () => {
		const short = createTestApp({ sessionDays: 2 });
		const bruno = await createAccount(short.app, 'bruno');
		const { token, session } = short.app.sessions.create(bruno.id, false);
		expect(session.expiresAt - short.now()).toBe(2 * DAY);
		short.advance(2 * DAY);
		expect(short.app.sessions.validate(token)).toBeNull();
	});

	it('slides: past half its life, validate extends it and says fresh', () => {
		const { token, session } = t.app.sessions.create(alice.id, false);
		t.advance(15 * DAY - 1);
		const early = t.app.sessions.validate(token)!;
		expect(early.fresh).toBe(false);
		expect(early.session.expiresAt).toBe(session.expiresAt);

		t.advance(2);
		const late = t.app.sessions.validate(token)!;
		expect(late.fresh).toBe(true);
		expect(late.session.expiresAt).toBe(t.now() + 30 * DAY);
		expect(storedExpiry(session.id)).toBe(late.session.expiresAt);

		// Still valid after the original expiry.
		t.advance(20 * DAY);
		expect(t.app.sessions.validate(token)?.viewer.id).toBe(alice.id);
	});

	it('invalidate ends one session (log-out)', () => {
		const a = t.app.sessions.create(alice.id, false);
		const b = t.app.sessions.create(alice.id, false);
		t.app.sessions.invalidate(a.session.id);
		expect(t.app.sessions.validate(a.token)).toBeNull();
		expect(t.app.sessions.validate(b.token)?.viewer.id).toBe(alice.id);
	});

	it('invalidateAllOf ends every session of a user and only theirs (password change)', async () => {
		const bruno = await createAccount(t.app, 'bruno');
		const a = t.app.sessions.create(alice.id, false);
		const b = t.app.sessions.create(alice.id, false);
		const other = t.app.sessions.create(bruno.id, false);
		t.app.sessions.invalidateAllOf(alice.id);
		expect(t.app.sessions.validate(a.token)).toBeNull();
		expect(t.app.sessions.validate(b.token)).toBeNull();
		expect(t.app.sessions.validate(other.token)?.viewer.id).toBe(bruno.id);
		expect(count(t.app, 'auth_sessions')).toBe(1);
	});

	it('gives guests 400-day sessions', () => {
		const guest = createGuest(t.app);
		expect(GUEST_SESSION_DAYS).toBe(400);
		const { token, session } = t.app.sessions.create(guest.id, true);
		expect(session.expiresAt - t.now()).toBe(400 * DAY);
		t.advance(100 * DAY);
		expect(t.app.sessions.validate(token)).toMatchObject({ viewer: { id: guest.id, isGuest: true }, fresh: false });
		t.advance(300 * DAY);
		expect(t.app.sessions.validate(token)).toBeNull();
	});

	it('deleteExpired removes only expired sessions', () => {
		t.app.sessions.create(alice.id, false);
		t.advance(10 * DAY);
		const recent = t.app.sessions.create(alice.id, false);
		t.advance(20 * DAY);
		expect(t.app.sessions.deleteExpired()).toBe(1);
		expect(t.app.db.prepare('SELECT id FROM auth_sessions').pluck().all()).toEqual([recent.session.id]);
	});

	it('are deleted with their user', () => {
		const guest = createGuest(t.app);
		t.app.sessions.create(guest.id, true);
		t.app.db.prepare('DELETE FROM users WHERE id = ?').run(guest.id);
		expect(count(t.app, 'auth_sessions', 'user_id = ?', guest.id)).toBe(0);
	});
});
