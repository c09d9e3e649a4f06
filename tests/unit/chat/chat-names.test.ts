// Names in the chat follow each person's credit choice for the edition: live clients, archive, moderation log, stored history.
import { afterEach, describe, expect, it } from 'vitest';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { appendChatMessage, CHAT_ARCHIVE_AT, chatSnapshot, isTombstone, newChatMessageId, readChatEntries, type ChatMessage } from '../../../server/shared/chat-doc';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario } from '../collab/realtime-fixtures';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
});

async function chatWithBob() {
	harness = await startHarness();
	const scenario = await padScenario(harness.app);
	const bob = scenario.guest('Bob');
	const bobChat = connectClient(harness.url, `chat:${scenario.workshopId}`, scenario.tokenOf(bob));
	providers.push(bobChat.provider);
	await synced(bobChat.provider);
	const say = (text: string, at = Date.now()) => {
		const id = newChatMessageId();
		appendChatMessage(bobChat.doc, { v: 1, id, authorId: bob.id, authorName: 'Bob', text, at });
		return id;
	};
	return { ...scenario, app: harness.app, bob, bobChat, say };
}

const namesIn = (entries: { entry: unknown }[] | unknown[]) =>
	(entries as unknown[]).map((e) => ((e as { entry?: unknown }).entry ?? e) as ChatMessage).filter((e) => !isTombstone(e)).map((e) => e.authorName);

describe('chat names follow the credit choice', () => {
	it('renames a person’s live, archived and hidden messages for connected clients when they choose a pseudonym, and leaves no trace of the old name', async () => {
		const s = await chatWithBob();
		const room = `chat:${s.workshopId}`;
		s.bobChat.doc.transact(() => {
			for (let i = 0; i <= CHAT_ARCHIVE_AT; i++) appendChatMessage(s.bobChat.doc, { v: 1, id: newChatMessageId(), authorId: s.bob.id, authorName: 'Bob', text: `message ${i}`, at: Date.now() });
		});
		const hidden = s.say('Un message à cacher');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.some((e) => e.id === hidden));
		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: hidden, action: 'hide' });
		expect((await s.app.chat.history(s.organiser, s.workshopId, null)).entries.length).toBeGreaterThan(0);

		await s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });

		// Bob's connected client reads the pseudonym on every message he wrote, without reloading.
		await waitFor(() => namesIn(readChatEntries(s.bobChat.doc)).every((name) => name === 'b0b'));
		expect(namesIn(readChatEntries(s.bobChat.doc)).length).toBeGreaterThan(100);
		// The archive pages and the moderation log say so too.
		expect(new Set(namesIn((await s.app.chat.history(s.organiser, s.workshopId, null)).entries))).toEqual(new Set(['b0b']));
		expect((await s.app.chat.hiddenMessages(s.organiser, s.workshopId)).map((h) => h.message.authorName)).toEqual(['b0b']);
		// Nothing stored for the room (live state, versions, pending updates) still carries « Bob ».
		s.app.rooms.flush();
		s.app.rooms.withRoom(room, (r) => expect(Buffer.from(r.state()).toString('utf8')).not.toContain('Bob'));
		const stored = s.app.db.prepare('SELECT data FROM doc_snapshots WHERE room = ? UNION ALL SELECT data FROM doc_updates WHERE room = ?').pluck().all(room, room) as Buffer[];
		for (const data of stored) expect(data.toString('utf8')).not.toContain('Bob');
		const archived = s.app.db.prepare('SELECT entry FROM chat_archive UNION ALL SELECT message FROM chat_moderation').pluck().all() as string[];
		for (const entry of archived) expect(entry).not.toContain('Bob');
		// His next messages are sent under the pseudonym.
		expect(s.app.chat.senderName(s.bob, s.workshopId)).toBe('b0b');
	});

	it('renames a message sent under a stale name (a tab opened before the change) when the chat is next opened', async () => {
		const s = await chatWithBob();
		await s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });
		const id = s.say('Envoyé depuis un onglet ancien');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.some((e) => e.id === id));
		expect(namesIn((await s.app.chat.open(s.organiser, s.workshopId)).entries)).toEqual(['b0b']);
		await waitFor(() => namesIn(readChatEntries(s.bobChat.doc)).join() === 'b0b');
	});

	it('renames the moderator’s trace on a hidden message, and names a new trace by the moderator’s choice', async () => {
		const s = await chatWithBob();
		const first = s.say('Premier');
		const second = s.say('Second');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 2);
		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: first, action: 'hide' });
		await waitFor(() => readChatEntries(s.bobChat.doc).some((e) => isTombstone(e.entry)));

		await s.app.credits.setChoice(s.organiser, s.edition.id, { mode: 'anonymous' });
		await waitFor(() => chatSnapshot(s.bobChat.doc).entries.some((e) => isTombstone(e) && e.hidden.byName === 'contributeur anonyme'));

		await s.app.chat.moderate(s.organiser, s.workshopId, { messageId: second, action: 'hide' });
		await waitFor(() => chatSnapshot(s.bobChat.doc).entries.filter(isTombstone).length === 2);
		expect(chatSnapshot(s.bobChat.doc).entries.filter(isTombstone).map((t) => t.hidden.byName)).toEqual(['contributeur anonyme', 'contributeur anonyme']);
		expect((await s.app.chat.hiddenMessages(s.organiser, s.workshopId)).map((h) => h.hidden.byName)).toEqual(['contributeur anonyme', 'contributeur anonyme']);
		s.app.rooms.withRoom(`chat:${s.workshopId}`, (r) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, r.state());
			expect(JSON.stringify(chatSnapshot(doc))).not.toContain('Alice');
		});
	});
});

describe('a chat message promoted into a pad', () => {
	const promote = (s: Awaited<ReturnType<typeof chatWithBob>>, messageId: string) =>
		s.app.chat.promote(s.organiser, s.workshopId, { messageId, padId: s.pad.id, timeZone: 'Europe/Paris' }, { chatUrl: 'http://localhost/chat', locale: 'fr' });
	const padState = (s: Awaited<ReturnType<typeof chatWithBob>>) => s.app.rooms.withRoom(s.room, (r) => Buffer.from(r.state()).toString('utf8'));

	it('never writes the real name of someone credited by pseudonym into the pad', async () => {
		const s = await chatWithBob();
		await s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });
		const id = s.say('Une carte des communs');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 1);
		await promote(s, id);
		expect((await s.app.pads.exportDocument(s.organiser, s.pad.id)).markdown).toContain('— b0b, dans le chat, ');
		expect(padState(s)).not.toContain('Bob');
	});

	it('follows a later change of choice, and an erasure, in the live pad, its exports, its saved versions and its published deliverable', async () => {
		const s = await chatWithBob();
		const id = s.say('Une carte des communs');
		await waitFor(async () => (await s.app.chat.open(s.organiser, s.workshopId)).entries.length === 1);
		const padClient = connectClient(harness!.url, s.room, s.tokenOf(s.organiser));
		providers.push(padClient.provider);
		await synced(padClient.provider);
		await promote(s, id);
		expect(await s.app.pads.saveVersion(s.organiser, s.pad.id)).toBe(true);
		const version = (await s.app.pads.history(s.organiser, s.pad.id)).versions[0]!.id;
		expect((await s.app.pads.exportDocument(s.organiser, s.pad.id)).markdown).toContain('— Bob, dans le chat, ');
		const deliverable = s.app.deliverables.create(s.organiser, s.workshopId, { padId: s.pad.id, title: 'Carte des communs' });
		await s.app.deliverables.publish(s.organiser, deliverable);
		expect(s.app.deliverables.version(s.organiser, deliverable, 1).markdown).toContain('— Bob, dans le chat, ');

		await s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });

		// The editor connected to the pad relabels the quote at once; exports and the saved version say it too.
		const label = () => JSON.stringify(yDocToProsemirrorJSON(padClient.doc, PAD_FRAGMENT));
		await waitFor(() => label().includes('"name":"b0b"'));
		expect(label()).not.toContain('Bob');
		const exported = s.app.pads.exportDocument(s.organiser, s.pad.id);
		expect((await exported).markdown).toContain('— b0b, dans le chat, ');
		expect((await exported).html + (await exported).markdown).not.toContain('Bob');
		expect((await s.app.pads.version(s.organiser, s.pad.id, version)).html).toContain('— b0b, dans le chat, ');
		const published = s.app.deliverables.version(s.organiser, deliverable, 1);
		expect(published.markdown).toContain('— b0b, dans le chat, ');
		expect(published.html + published.markdown).not.toContain('Bob');
		// Restoring the version saved under the old name brings back the text, named as Bob chose today.
		await s.app.pads.restoreVersion(s.organiser, s.pad.id, version);
		await waitFor(() => label().includes('"name":"b0b"'));
		expect(label()).not.toContain('Bob');

		await s.app.privacy.erase(s.bob, { confirmName: 'Bob' });
		await waitFor(() => label().includes('"name":"contributeur anonyme"'));
		expect((await s.app.pads.exportDocument(s.organiser, s.pad.id)).markdown).toContain('— contributeur anonyme, dans le chat, ');
		expect((await s.app.pads.version(s.organiser, s.pad.id, version)).html).toContain('— contributeur anonyme, dans le chat, ');
		expect(s.app.deliverables.version(s.organiser, deliverable, 1).markdown).toContain('— contributeur anonyme, dans le chat, ');
	});
});
