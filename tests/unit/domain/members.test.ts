import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { hashToken } from '../../../server/shared/crypto';
import { count, createAccount, createEdition, createGuest, createTestApp, DAY, expectAppError, type TestApp } from '../factories';

describe('members and invites', () => {
	let t: TestApp;
	let orga: Viewer;
	let bruno: Viewer;
	let chloe: Viewer;
	let edition: EditionRow;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		bruno = await createAccount(t.app, 'bruno');
		chloe = await createAccount(t.app, 'chloe');
		edition = createEdition(t.app, orga);
	});

	const roleOf = (userId: string) => t.app.db.prepare('SELECT role FROM edition_members WHERE edition_id = ? AND user_id = ?').pluck().get(edition.id, userId);
	const invite = (role: 'organiser' | 'facilitator', by: Viewer = orga) => t.app.members.createInvite(by, edition.id, { role, note: 'pour Bruno' });

	it('stores only the hash of the invite token', () => {
		const { token, id } = invite('facilitator');
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const row = t.app.db.prepare('SELECT * FROM invites WHERE id = ?').get(id) as Record<string, unknown>;
		expect(row.token_hash).toBe(hashToken(token));
		expect(Object.values(row)).not.toContain(token);
		expect(row.expires_at).toBe(new Date(t.now() + 14 * DAY).toISOString());
	});

	it('gives the invited role and is single use', async () => {
		const { token } = invite('facilitator');
		expect(t.app.members.peekInvite(token).edition.id).toBe(edition.id);
		expect(t.app.members.acceptInvite(bruno, token)).toEqual({ editionId: edition.id, role: 'facilitator' });
		expect(roleOf(bruno.id)).toBe('facilitator');
		expect(t.app.db.prepare('SELECT used_by FROM invites').pluck().get()).toBe(bruno.id);

		const again = await expectAppError(() => t.app.members.acceptInvite(chloe, token), 'conflict');
		expect(again.fields).toEqual({ _: 'inviteUsed' });
		await expectAppError(() => t.app.members.acceptInvite(bruno, token), 'conflict');
		expect(roleOf(chloe.id)).toBeUndefined();
	});

	it('expires after 14 days', async () => {
		const { token } = invite('organiser');
		t.advance(14 * DAY - 1);
		expect(t.app.members.peekInvite(token).invite.role).toBe('organiser');
		t.advance(1);
		const error = await expectAppError(() => t.app.members.acceptInvite(bruno, token), 'conflict');
		expect(error.fields).toEqual({ _: 'inviteExpired' });
		expect(roleOf(bruno.id)).toBeUndefined();
		expect(t.app.members.list(orga, edition.id).invites).toEqual([]);
	});

	it('never demotes: an organiser following a facilitator link stays organiser', () => {
		t.app.members.acceptInvite(bruno, invite('organiser').token);
		expect(t.app.members.acceptInvite(bruno, invite('facilitator').token)).toEqual({ editionId: edition.id, role: 'organiser' });
		expect(roleOf(bruno.id)).toBe('organiser');
	});

	it('promotes a participant', () => {
		t.app.members.ensureParticipant(edition.id, bruno.id);
		expect(roleOf(bruno.id)).toBe('participant');
		t.app.members.acceptInvite(bruno, invite('facilitator').token);
		expect(roleOf(bruno.id)).toBe('facilitator');
		// ensureParticipant never lowers an existing role.
		t.app.members.ensureParticipant(edition.id, bruno.id);
		expect(roleOf(bruno.id)).toBe('facilitator');
	});

	it('cannot be accepted by guests or anonymous viewers', async () => {
		const { token } = invite('facilitator');
		const guest = createGuest(t.app);
		await expectAppError(() => t.app.members.acceptInvite(guest, token), 'unauthenticated');
		await expectAppError(() => t.app.members.acceptInvite(null, token), 'unauthenticated');
		expect(t.app.db.prepare('SELECT used_at FROM invites').pluck().get()).toBeNull();
		expect(roleOf(guest.id)).toBeUndefined();
	});

	it('answers not_found for an unknown token', async () => {
		await expectAppError(() => t.app.members.acceptInvite(bruno, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'not_found');
	});

	it('only organisers create, list and revoke invites', async () => {
		t.app.members.acceptInvite(bruno, invite('facilitator').token);
		await expectAppError(() => invite('facilitator', bruno), 'forbidden');
		await expectAppError(() => t.app.members.list(bruno, edition.id), 'forbidden');
		await expectAppError(() => invite('facilitator', chloe), 'not_found');

		const open = invite('organiser');
		const { members, invites } = t.app.members.list(orga, edition.id);
		expect(members.map((m) => [m.user_id, m.role])).toEqual([
			[orga.id, 'organiser'],
			[bruno.id, 'facilitator']
		]);
		expect(invites.map((i) => i.id)).toEqual([open.id]);

		await expectAppError(() => t.app.members.revokeInvite(bruno, edition.id, open.id), 'forbidden');
		t.app.members.revokeInvite(orga, edition.id, open.id);
		await expectAppError(() => t.app.members.acceptInvite(chloe, open.token), 'not_found');
		await expectAppError(() => t.app.members.revokeInvite(orga, edition.id, open.id), 'conflict');
	});

	it('refuses an invalid role', async () => {
		const error = await expectAppError(() => t.app.members.createInvite(orga, edition.id, { role: 'participant' }), 'invalid');
		expect(error.fields).toEqual({ role: 'invalidChoice' });
		expect(count(t.app, 'invites')).toBe(0);
	});

	describe('changeRole', () => {
		it('refuses to remove the last organiser', async () => {
			const error = await expectAppError(() => t.app.members.changeRole(orga, edition.id, orga.id, 'facilitator'), 'conflict');
			expect(error.fields).toEqual({ _: 'lastOrganiser' });
			expect(roleOf(orga.id)).toBe('organiser');
		});

		it('lets an organiser step down once there is another one', () => {
			t.app.members.acceptInvite(bruno, invite('organiser').token);
			t.app.members.changeRole(orga, edition.id, orga.id, 'participant');
			expect(roleOf(orga.id)).toBe('participant');
			expect(roleOf(bruno.id)).toBe('organiser');
		});

		it('is for organisers only, and only on members', async () => {
			t.app.members.acceptInvite(bruno, invite('facilitator').token);
			await expectAppError(() => t.app.members.changeRole(bruno, edition.id, bruno.id, 'organiser'), 'forbidden');
			await expectAppError(() => t.app.members.changeRole(orga, edition.id, chloe.id, 'facilitator'), 'not_found');
			t.app.members.changeRole(orga, edition.id, bruno.id, 'organiser');
			expect(roleOf(bruno.id)).toBe('organiser');
		});
	});
});
