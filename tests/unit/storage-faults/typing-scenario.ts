// People typing in several pads through the real endpoint while the disk fills: what each typed, what was stored, who was told.
import * as Y from 'yjs';
import { createDocStore } from '../../../server/collab/doc-store';
import type { Db } from '../../../server/db/open';
import { connectClient, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario, padText, seedPadLine } from '../collab/realtime-fixtures';

export type Typist = { client: ReturnType<typeof connectClient>; room: string; letter: string; typed: number; closeCodes: number[] };

/** `pads` pads of one workshop, `perPad` typists in each, every typist with its own letter. */
export async function typingScenario(harness: Harness, options: { pads: number; perPad: number; maxBackoffTime?: number }) {
	const s = await padScenario(harness.app);
	const rooms = [s.room];
	for (let i = 1; i < options.pads; i++) {
		const room = `pad:${harness.app.pads.create(s.organiser, s.workshopId, { title: `Notes ${i}` }).id}`;
		seedPadLine(harness.app, room, s.organiser.id);
		rooms.push(room);
	}
	const typists: Typist[] = [];
	let n = 0;
	for (const room of rooms) {
		for (let i = 0; i < options.perPad; i++, n++) {
			const token = s.tokenOf(s.guest(`Typist ${n}`));
			const client = connectClient(harness.url, room, token);
			if (options.maxBackoffTime) client.provider.maxBackoffTime = options.maxBackoffTime;
			const typist: Typist = { client, room, letter: String.fromCodePoint(0x4e00 + n), typed: 0, closeCodes: [] };
			client.provider.on('connection-close', (event: { code: number } | null) => event && typist.closeCodes.push(event.code));
			typists.push(typist);
		}
	}
	await Promise.all(typists.map((t) => synced(t.client.provider)));
	// Made now: once the disk is full, no new guest can be written.
	const readerTokens = rooms.map(() => s.tokenOf(s.guest('Reader')));

	let typing = true;
	const loops = typists.map(async (t, i) => {
		while (typing) {
			const text = padText(t.client.doc);
			text.insert(text.length, t.letter);
			t.typed++;
			await new Promise((r) => setTimeout(r, 12 + (i % 7)));
		}
	});
	return {
		scenario: s,
		rooms,
		typists,
		async stopTyping() {
			typing = false;
			await Promise.all(loops);
		},
		/** A fresh connection (a new tab) to `room`, synced. */
		async newTab(room: string) {
			const tab = connectClient(harness.url, room, readerTokens[rooms.indexOf(room)]!);
			await synced(tab.provider);
			return tab;
		},
		destroy() {
			for (const t of typists) t.client.provider.destroy();
		}
	};
}

/** A room's text as SQLite holds it, read with a store of its own (what a restart would load). */
export function storedText(db: Db, room: string): string {
	const stored = createDocStore(db).load(room);
	const doc = new Y.Doc();
	if (stored.base) Y.applyUpdate(doc, stored.base);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	return padText(doc).toString();
}

export const countOf = (text: string, letter: string) => text.split(letter).length - 1;

/** Every keystroke of every typist is in SQLite (and in each room's copies). */
export async function waitUntilAllStored(db: Db, typists: Typist[], timeoutMs: number) {
	await waitFor(() => {
		const texts = new Map<string, string>();
		return typists.every((t) => {
			if (!texts.has(t.room)) texts.set(t.room, storedText(db, t.room));
			return countOf(texts.get(t.room)!, t.letter) === t.typed;
		});
	}, timeoutMs);
}
