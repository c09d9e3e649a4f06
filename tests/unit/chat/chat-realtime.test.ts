import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { Node as PmNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendChatMessage, CHAT_ARCHIVE_AT, CHAT_LIVE_KEEP, chatSnapshot, isTombstone, newChatMessageId, readChatEntries } from '../../../server/shared/chat-doc';
import { PAD_FRAGMENT, padSchema } from '../../../server/shared/pad-schema';
import { isAppError } from '../../../server/shared/errors';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario } from '../collab/realtime-fixtures';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
});

async function chatScenario() {
	harness = await startHarness();
	const scenario = await padScenario(harness.app);
	const bob = scenario.guest('Bob');
	const connect = (room: string, token: string) => {
		const client = connectClient(harness!.url, room, token);
		providers.push(client.provider);
		return client;
	};
	const bobChat = connect(`chat:${scenario.workshopId}`, scenario.tokenOf(bob));
	await synced(bobChat.provider);
	const say = (text: string, at = Date.now()) => {
		const id = newChatMessageId();
		appendChatMessage(bobChat.doc, { v: 1, id, authorId: bob.id, authorName: 'Bob', text, at });
		return id;
	};
	return { ...scenario, app: harness.app, bob, bobChat, connect, say };
}

const stateText = (state: Uint8Array) => Buffer.from(state).toString('utf8');

describe('chat moderation', () => {
	it('hides a message: the text leaves the shared document and storage, facilitators still read it, unhide restores it', async () => {
		const s = await chatScenario();
		const secret = s.say('Mon numéro privé 0612345678');
		s.say('Message ordinaire');
		const room = `chat:${s.workshopId}`;
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 2);

		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: secret, action: 'hide' });

		// Bob's connected client receives the tombstone with the trace.
		await waitFor(() => readChatEntries(s.bobChat.doc).some((e) => isTombstone(e.entry)));
		const tombstone = readChatEntries(s.bobChat.doc)[0]!.entry;
		expect(tombstone).toMatchObject({ id: secret, hidden: { byId: s.organiser.id, byName: 'Alice' } });
		expect(JSON.stringify(chatSnapshot(s.bobChat.doc))).not.toContain('0612345678');
		// The stored room (live state, every stored version, pending updates) no longer holds the text.
		s.app.rooms.withRoom(room, (r) => expect(stateText(r.state())).not.toContain('0612345678'));
		const stored = s.app.db.prepare('SELECT data FROM doc_snapshots WHERE room = ? UNION ALL SELECT data FROM doc_updates WHERE room = ?').pluck().all(room, room) as Buffer[];
		expect(stored.length).toBeGreaterThan(0);
		for (const data of stored) expect(data.toString('utf8')).not.toContain('0612345678');

		// Facilitators read it in the moderation log; a participant may not.
		expect(await s.app.chat.hiddenMessages(s.organiser, s.workshopId)).toMatchObject([{ message: { id: secret, text: 'Mon numéro privé 0612345678' }, hidden: { byName: 'Alice' } }]);
		await expect(s.app.chat.hiddenMessages(s.bob, s.workshopId)).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
		await expect(s.app.chat.moderate(s.bob, s.workshopId, { messageId: secret, action: 'unhide' })).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));

		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: secret, action: 'unhide' });
		await waitFor(() => chatSnapshot(s.bobChat.doc).entries.some((e) => 'text' in e && e.text.includes('0612345678')));
		expect(await s.app.chat.hiddenMessages(s.organiser, s.workshopId)).toEqual([]);
	});

	it('refuses unknown messages and bad input by code', async () => {
		const s = await chatScenario();
		const code = async (fn: () => unknown) => {
			try {
				await fn();
			} catch (e) {
				return isAppError(e) ? e.code : 'other';
			}
			return 'none';
		};
		expect(await code(() => s.app.chat.moderate(s.organiser, s.workshopId, { messageId: 'abcdefgh12', action: 'hide' }))).toBe('not_found');
		expect(await code(() => s.app.chat.moderate(s.organiser, s.workshopId, { messageId: '<script>', action: 'hide' }))).toBe('invalid');
		expect(await code(() => s.app.chat.moderate(s.organiser, s.workshopId, { messageId: 'abcdefgh12', action: 'delete' }))).toBe('invalid');
	});
});

describe('promotion into a pad', () => {
	it('appends an attributed, linked quote that a connected pad client sees', async () => {
		const s = await chatScenario();
		// The server takes only messages sent now (its clock): the attribution shows that time in the reader's zone.
		const at = Date.now();
		const id = s.say('Idée : une carte des communs\nà partager', at);
		const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(at);
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 1);
		const padClient = s.connect(s.room, s.tokenOf(s.bob));
		await synced(padClient.provider);

		await s.app.chat.promote(s.organiser, s.workshopId, { messageId: id, padId: s.pad.id, timeZone: 'Europe/Paris' }, { chatUrl: 'http://localhost/e/w/chat', locale: 'fr' });

		await waitFor(() => padClient.doc.getXmlFragment(PAD_FRAGMENT).length > 1); // after the paragraph the fixture writes
		const json = yDocToProsemirrorJSON(padClient.doc, PAD_FRAGMENT);
		PmNode.fromJSON(padSchema(), json).check();
		const quote = (json.content as { type: string; content: { content: { text?: string; marks?: { type: string; attrs: { href: string } }[] }[] }[] }[]).at(-1)!;
		expect(quote.type).toBe('blockquote');
		expect(quote.content.map((p) => p.content.map((t) => t.text ?? '<person>').join(''))).toEqual(['Idée : une carte des communs', 'à partager', `— <person>, dans le chat, ${when}`]);
		// The author is named by id (a personName node), not frozen into the text.
		expect(quote.content[2]!.content[1]).toMatchObject({ type: 'personName', attrs: { userId: s.bob.id, name: 'Bob' } });
		expect(quote.content[2]!.content[3]!.marks).toEqual([expect.objectContaining({ type: 'link', attrs: expect.objectContaining({ href: `http://localhost/e/w/chat#msg-${id}` }) })]);
	});

	it('is for facilitators only, into a pad of the same workshop, of visible messages', async () => {
		const s = await chatScenario();
		const id = s.say('Bonjour');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 1);
		const ctx = { chatUrl: 'http://localhost/chat', locale: 'fr' as const };
		await expect(s.app.chat.promote(s.bob, s.workshopId, { messageId: id, padId: s.pad.id }, ctx)).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: id, action: 'hide' });
		await expect(s.app.chat.promote(s.organiser, s.workshopId, { messageId: id, padId: s.pad.id }, ctx)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
	});
});

describe('archive and history pages', () => {
	it('moves the oldest messages out of the live document and pages them back, oldest last page', async () => {
		const s = await chatScenario();
		const total = CHAT_ARCHIVE_AT + 30;
		s.bobChat.doc.transact(() => {
			for (let i = 0; i < total; i++) appendChatMessage(s.bobChat.doc, { v: 1, id: newChatMessageId(), authorId: s.bob.id, authorName: 'Bob', text: `message ${i}`, at: Date.now() + i });
		});
		await waitFor(() => s.app.rooms.withRoom(`chat:${s.workshopId}`, (r) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, r.state());
			return readChatEntries(doc).length === total;
		}));

		const archived = total - CHAT_LIVE_KEEP;
		expect(await s.app.chat.archive(s.bob, s.workshopId)).toEqual({ archived });
		expect(await s.app.chat.archive(s.bob, s.workshopId)).toEqual({ archived: 0 });
		const opened = await s.app.chat.open(s.bob, s.workshopId);
		expect(opened.entries).toHaveLength(CHAT_LIVE_KEEP);
		expect(opened.archived).toBe(archived);
		expect(opened.entries[0]).toMatchObject({ text: `message ${archived}` });
		// Connected clients follow: the oldest messages leave their copy too.
		await waitFor(() => readChatEntries(s.bobChat.doc).length === CHAT_LIVE_KEEP);

		const first = await s.app.chat.history(s.bob, s.workshopId, null);
		expect(first.entries.map((e) => ('text' in e ? e.text : ''))).toEqual(Array.from({ length: 50 }, (_, i) => `message ${archived - 50 + i}`));
		expect(first.nextCursor).not.toBeNull();
		const second = await s.app.chat.history(s.bob, s.workshopId, String(first.nextCursor));
		expect(second.entries.map((e) => ('text' in e ? e.text : ''))).toEqual(Array.from({ length: archived - 50 }, (_, i) => `message ${i}`));
		expect(second.nextCursor).toBeNull();
		await expect(s.app.chat.history(s.bob, s.workshopId, 'abc')).rejects.toThrow(expect.objectContaining({ code: 'invalid' }));

		// An archived message can still be hidden: the archive keeps the tombstone, the log keeps the text.
		const oldest = second.entries[0]!;
		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: oldest.id, action: 'hide' });
		expect((await s.app.chat.history(s.bob, s.workshopId, String(first.nextCursor))).entries[0]).toMatchObject({ id: oldest.id, hidden: { byName: 'Alice' } });
		expect(await s.app.chat.hiddenMessages(s.organiser, s.workshopId)).toMatchObject([{ message: { text: 'message 0' } }]);
	});
});
