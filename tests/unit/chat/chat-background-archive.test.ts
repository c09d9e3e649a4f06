import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendChatMessage, archivedCount, CHAT_ARCHIVE_AT, CHAT_LIVE_KEEP, newChatMessageId, readChatEntries } from '../../../server/shared/chat-doc';
import { padScenario } from '../collab/realtime-fixtures';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
});

const TOTAL = CHAT_ARCHIVE_AT + 30;
const ARCHIVED = TOTAL - CHAT_LIVE_KEEP;

/** Bob talks in the chat; nobody opens a page of the workshop (no chat service call at all). */
async function talkativeChat(options: { upkeepEveryMs: number; idleUnloadMs: number }) {
	harness = await startHarness(options);
	const s = await padScenario(harness.app);
	const bob = s.guest('Bob');
	const room = `chat:${s.workshopId}`;
	const client = connectClient(harness.url, room, s.tokenOf(bob));
	providers.push(client.provider);
	await synced(client.provider);
	// One message per transaction: each is its own update, as when people type them.
	for (let i = 0; i < TOTAL; i++) appendChatMessage(client.doc, { v: 1, id: newChatMessageId(), authorId: bob.id, authorName: 'Bob', text: `message ${i}`, at: Date.now() + i });
	const db = harness.db;
	const archiveRows = () => db.prepare('SELECT count(*) FROM chat_archive WHERE workshop_id = ?').pluck().get(s.workshopId) as number;
	return { ...s, room, client, archiveRows };
}

function storedChat(h: Harness, room: string) {
	return h.app.rooms.withRoom(room, (r) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, r.state());
		return { live: readChatEntries(doc).map((e) => ('text' in e.entry ? e.entry.text : '')), archived: archivedCount(doc) };
	});
}

// Each test sends 280 separate updates through the real endpoint: a loaded CI machine gets more than the default 5 s.
describe('chat archiving without any page', () => {
	it('moves the oldest messages out on the background round while people are connected', async () => {
		const s = await talkativeChat({ upkeepEveryMs: 100, idleUnloadMs: 60_000 });
		// On a loaded machine a round may run before all 280 messages arrived: it then moves fewer (the live count
		// minus 200), and the rest stays live under the threshold. Every message is in one place or the other.
		await waitFor(() => {
			const archived = s.archiveRows();
			return archived > 0 && archived + storedChat(harness!, s.room).live.length === TOTAL;
		}, 15_000);
		const moved = s.archiveRows();
		expect(moved).toBeGreaterThanOrEqual(TOTAL - CHAT_ARCHIVE_AT);
		// Connected clients follow, and the room keeps the newest messages.
		await waitFor(() => readChatEntries(s.client.doc).length === TOTAL - moved);
		expect(readChatEntries(s.client.doc)[0]!.entry).toMatchObject({ text: `message ${moved}` });
		const stored = storedChat(harness!, s.room);
		expect(stored.archived).toBe(moved);
		expect(stored.live.length).toBeGreaterThanOrEqual(CHAT_LIVE_KEEP);
		expect(stored.live.at(-1)).toBe(`message ${TOTAL - 1}`);
		// The archive table holds the messages that left, once each, oldest first.
		const texts = (harness!.db.prepare('SELECT entry FROM chat_archive WHERE workshop_id = ? ORDER BY id').pluck().all(s.workshopId) as string[]).map((e) => JSON.parse(e).text);
		expect(texts).toEqual(Array.from({ length: moved }, (_, i) => `message ${i}`));
	}, 20_000);

	it('archives when the room unloads after everyone left', async () => {
		const s = await talkativeChat({ upkeepEveryMs: 3_600_000, idleUnloadMs: 50 });
		await waitFor(() => storedChat(harness!, s.room).live.length === TOTAL);
		// Nothing runs while people are there and the round is far away.
		expect(s.archiveRows()).toBe(0);

		s.client.provider.destroy();
		await waitFor(() => !harness!.app.rooms.rooms.has(s.room) && s.archiveRows() === ARCHIVED);
		// Loaded again from storage: the live document kept the newest messages and counts the archived ones.
		const stored = storedChat(harness!, s.room);
		expect(stored).toMatchObject({ archived: ARCHIVED });
		expect(stored.live).toEqual(Array.from({ length: CHAT_LIVE_KEEP }, (_, i) => `message ${ARCHIVED + i}`));
	}, 20_000);

	it('leaves a chat under the threshold alone', async () => {
		harness = await startHarness({ upkeepEveryMs: 20, idleUnloadMs: 60_000 });
		const s = await padScenario(harness.app);
		const bob = s.guest('Bob');
		const client = connectClient(harness.url, `chat:${s.workshopId}`, s.tokenOf(bob));
		providers.push(client.provider);
		await synced(client.provider);
		for (let i = 0; i < CHAT_ARCHIVE_AT; i++) appendChatMessage(client.doc, { v: 1, id: newChatMessageId(), authorId: bob.id, authorName: 'Bob', text: `m${i}`, at: Date.now() });
		await waitFor(() => storedChat(harness!, `chat:${s.workshopId}`).live.length === CHAT_ARCHIVE_AT);
		await new Promise((r) => setTimeout(r, 200));
		expect(storedChat(harness!, `chat:${s.workshopId}`)).toMatchObject({ archived: 0 });
		expect(readChatEntries(client.doc)).toHaveLength(CHAT_ARCHIVE_AT);
	}, 20_000);
});
