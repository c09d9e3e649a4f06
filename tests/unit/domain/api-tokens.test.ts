import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { hashToken } from '../../../server/shared/crypto';
import { createAccount, createGuest, createTestApp, expectAppError, MINUTE, type TestApp } from '../factories';

describe('API tokens', () => {
	let t: TestApp;
	let alice: Viewer;
	beforeEach(async () => {
		t = createTestApp();
		alice = await createAccount(t.app, 'alice');
	});

	const lastUsed = (id: string) => t.app.db.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?').pluck().get(id);

	it('creates a prefixed token, stored only as its hash', () => {
		const { id, token } = t.app.apiTokens.create(alice, { name: 'Script d’export' });
		expect(token).toMatch(/^mlpat_[a-z2-7]{32}$/);
		const row = t.app.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as Record<string, unknown>;
		expect(row).toMatchObject({ user_id: alice.id, name: 'Script d’export', token_hash: hashToken(token), last_used_at: null });
		expect(Object.values(row)).not.toContain(token);
		expect(t.app.apiTokens.list(alice)).toEqual([{ id, name: 'Script d’export', created_at: new Date(t.now()).toISOString(), last_used_at: null }]);
	});

	it('authenticates as its owner and records when it was used', () => {
		const { id, token } = t.app.apiTokens.create(alice, { name: 'export' });
		t.advance(5 * MINUTE);
		expect(t.app.apiTokens.authenticate(token)).toEqual(alice);
		expect(lastUsed(id)).toBe(new Date(t.now()).toISOString());
	});

	it('does not authenticate unknown or unprefixed tokens', () => {
		const { token } = t.app.apiTokens.create(alice, { name: 'export' });
		expect(t.app.apiTokens.authenticate(token.slice('mlpat_'.length))).toBeNull();
		expect(t.app.apiTokens.authenticate('mlpat_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
		expect(t.app.apiTokens.authenticate(hashToken(token))).toBeNull();
	});

	it('stops authenticating once revoked', () => {
		const { id, token } = t.app.apiTokens.create(alice, { name: 'export' });
		const kept = t.app.apiTokens.create(alice, { name: 'autre' });
		t.app.apiTokens.revoke(alice, id);
		expect(t.app.apiTokens.authenticate(token)).toBeNull();
		expect(t.app.apiTokens.authenticate(kept.token)?.id).toBe(alice.id);
		expect(t.app.apiTokens.list(alice).map((r) => r.id)).toEqual([kept.id]);
	});

	it('cannot be revoked by another user', async () => {
		const bruno = await createAccount(t.app, 'bruno');
		const { id, token } = t.app.apiTokens.create(alice, { name: 'export' });
		await expectAppError(() => t.app.apiTokens.revoke(bruno, id), 'not_found');
		expect(t.app.apiTokens.authenticate(token)?.id).toBe(alice.id);
		expect(t.app.apiTokens.list(bruno)).toEqual([]);
	});

	it('are for accounts only', async () => {
		const guest = createGuest(t.app);
		await expectAppError(() => t.app.apiTokens.create(guest, { name: 'export' }), 'forbidden');
		await expectAppError(() => t.app.apiTokens.create(null, { name: 'export' }), 'unauthenticated');
		await expectAppError(() => t.app.apiTokens.list(null), 'unauthenticated');
		expect(t.app.db.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(0);
	});

	it('need a name', async () => {
		const error = await expectAppError(() => t.app.apiTokens.create(alice, { name: ' ' }), 'invalid');
		expect(error.fields).toEqual({ name: 'required' });
	});
});
