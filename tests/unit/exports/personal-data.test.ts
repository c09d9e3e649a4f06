import { Readable } from 'node:stream';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../server/app';
import { appendChatMessage, newChatMessageId } from '../../../server/shared/chat-doc';
import { count, createTestApp, expectAppError, PASSWORD } from '../factories';
import { publishedArchive } from '../archive/archive-fixtures';

function say(app: App, workshopId: string, author: { id: string; displayName: string }, text: string) {
	app.rooms.withRoom(`chat:${workshopId}`, (room) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, room.state());
		const before = Y.encodeStateVector(doc);
		appendChatMessage(doc, { v: 1, id: newChatMessageId(), authorId: author.id, authorName: author.displayName, text, at: Date.now() });
		room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), author.id);
	});
}

async function scenario() {
	const t = createTestApp();
	const s = await publishedArchive(t.app);
	say(t.app, s.workshopId, s.alice, 'Je propose une grille en trois questions.');
	say(t.app, s.workshopId, s.bob, 'Bonne idée !');
	t.app.db
		.prepare(
			`INSERT INTO files (id, workshop_id, name, sha256, size, mime, kind, active, uploaded_by, uploader_name, uploaded_at) VALUES ('f1', ?, 'grille.pdf', 'abc', 12, 'application/pdf', 'document', 0, ?, 'Alice', '2018-09-13')`
		)
		.run(s.workshopId, s.alice.id);
	t.app.apiTokens.create(s.alice, { name: 'script' });
	t.app.sessions.create(s.alice.id, false);
	return { ...t, s };
}

describe('personal data export', () => {
	it('gives everything the person wrote or chose, and nothing of anyone else', async () => {
		const { app, s } = await scenario();
		const data = app.privacy.collect(s.alice);
		expect(data).toMatchObject({ schema: 'medialab-personal-data', version: 1, profile: { id: s.alice.id, username: 'alice', displayName: 'Alice', isGuest: false } });
		expect(data.chatMessages.map((m) => m.text)).toEqual(['Je propose une grille en trois questions.']);
		expect(data.pads).toEqual([expect.objectContaining({ id: s.pad.id, title: 'Notes de l’atelier' })]);
		expect(data.pads[0]!.markdown).toContain('Une grille pour identifier les communs numériques du territoire.');
		expect(data.files).toEqual([expect.objectContaining({ id: 'f1', name: 'grille.pdf', size: 12 })]);
		expect(data.creditChoices).toEqual([expect.objectContaining({ editionId: s.edition.id, mode: 'pseudonym', pseudonym: 'alice_communs' })]);
		expect(data.memberships.map((m) => m.role)).toEqual(['participant']);
		expect(data.apiTokens.map((t) => t.name)).toEqual(['script']);
		const json = JSON.stringify(data);
		expect(json).not.toContain('Bonne idée');
		expect(json).not.toMatch(/argon2|password_hash|token_hash/);
		await expectAppError(() => app.privacy.collect(null), 'unauthenticated');
	});
});

describe('erasure', () => {
	it('asks for the password, then removes who the person is while their contributions stay credited « contributeur anonyme »', async () => {
		const { app, s } = await scenario();
		const before = app.deliverables.getPublished(s.deliverableId);
		const padBefore = JSON.stringify(app.padDocuments.currentContent(s.pad.id));
		expect(before.credits.map((c) => c.display)).toContain('alice_communs');

		const wrong = await expectAppError(() => app.privacy.erase(s.alice, { password: 'not my password' }), 'invalid');
		expect(wrong.fields).toEqual({ password: 'wrongPassword' });
		expect((await expectAppError(() => app.privacy.erase(s.alice, {}), 'invalid')).fields).toEqual({ password: 'required' });
		expect(app.accounts.getViewer(s.alice.id)?.username).toBe('alice');
		await app.files.upload(s.alice, s.workshopId, { name: 'notes.txt', source: Readable.from([Buffer.from('trois questions')]) });
		const name = s.alice.displayName;
		/** Every stored byte of a room (updates and versions), as text, after its pending writes are flushed. */
		const stored = (room: string) => {
			app.rooms.closeAll();
			const blobs = app.db.prepare<[string, string], Buffer>('SELECT data FROM doc_updates WHERE room = ? UNION ALL SELECT data FROM doc_snapshots WHERE room = ?').pluck().all(room, room);
			return Buffer.concat(blobs).toString('latin1');
		};
		expect(stored(`chat:${s.workshopId}`)).toContain(name);
		// The drive names the uploader by their credit choice for the edition.
		expect(stored(`drive:${s.workshopId}`)).toContain('alice_communs');

		await app.privacy.erase(s.alice, { password: PASSWORD });

		// The live chat and drive keep the message and the file, under the anonymous name, with no trace of the old one.
		for (const room of [`chat:${s.workshopId}`, `drive:${s.workshopId}`]) {
			expect(stored(room)).not.toContain(name);
			expect(stored(room)).not.toContain('alice_communs');
			expect(stored(room)).toContain('contributeur anonyme');
		}

		const row = app.db.prepare('SELECT * FROM users WHERE id = ?').get(s.alice.id) as Record<string, unknown>;
		expect(row).toMatchObject({ username: null, email: null, password_hash: null, display_name: 'contributeur anonyme', is_admin: 0 });
		expect(count(app, 'auth_sessions', 'user_id = ?', s.alice.id)).toBe(0);
		expect(count(app, 'api_tokens', 'user_id = ?', s.alice.id)).toBe(0);
		await expectAppError(() => app.accounts.logIn({ username: 'alice', password: PASSWORD }, 'device'), 'unauthenticated');

		// The deliverable, its versions, the pad and the file stay; only the name changed, others keep theirs.
		const after = app.deliverables.getPublished(s.deliverableId);
		expect(after.html).toBe(before.html);
		expect(after.versions).toEqual(before.versions);
		expect(after.credits.map((c) => [c.role, c.display])).toEqual([
			['author', 'contributeur anonyme'],
			['author', 'contributeur anonyme'],
			['facilitator', 'Fanny']
		]);
		expect(JSON.stringify(after)).not.toContain('alice_communs');
		expect(JSON.stringify(app.padDocuments.currentContent(s.pad.id))).toBe(padBefore);
		expect(app.db.prepare("SELECT uploader_name FROM files WHERE id = 'f1'").pluck().get()).toBe('contributeur anonyme');
		expect(app.privacy.collect({ ...s.alice }).chatMessages.map((m) => m.text)).toEqual(['Je propose une grille en trois questions.']);
		expect(app.archive.figures(s.edition.id).contributors).toBe(2);
		// Nobody else was touched.
		expect(app.accounts.getViewer(s.facilitator.id)?.displayName).toBe('Fanny');
		expect(app.credits.choice(s.bob.id, s.edition.id)).toEqual({ mode: 'anonymous', pseudonym: null });
	});

	it('lets a guest, who has no password, confirm with their display name', async () => {
		const { app, s } = await scenario();
		const mismatch = await expectAppError(() => app.privacy.erase(s.bob, { confirmName: 'Bob' }), 'invalid');
		expect(mismatch.fields).toEqual({ confirmName: 'nameMismatch' });
		await app.privacy.erase(s.bob, { confirmName: 'Bob le guest' });
		expect(app.accounts.getViewer(s.bob.id)?.displayName).toBe('contributeur anonyme');
		expect(app.deliverables.getPublished(s.deliverableId).credits.filter((c) => c.display === 'contributeur anonyme')).toHaveLength(1);
	});
});
