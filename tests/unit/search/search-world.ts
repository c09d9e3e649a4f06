// A test app with a real Meilisearch from the npm binary (temp dir, free port) and helpers to write pads and chat.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { appendChatMessage, newChatMessageId } from '../../../server/shared/chat-doc';
import { PAD_FRAGMENT, padSchema } from '../../../server/shared/pad-schema';
import type { App } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';
import { createTestApp } from '../factories';

export async function createSearchWorld() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-search-'));
	const t = createTestApp();
	await t.app.search.start({ mode: 'embedded', dataDir: path.join(dir, 'meili') });
	const state = t.app.search.engine.state();
	if (state.status !== 'ready') throw new Error(`Meilisearch did not start: ${JSON.stringify(state)}`);
	return {
		...t,
		dir,
		/** Sends everything pending to Meilisearch and waits until it is searchable. */
		flush: () => {
			t.app.rooms.closeAll();
			return t.app.search.indexer.flush();
		},
		async close() {
			await t.app.search.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

type Block = ['h' | 'p', string];

/** Replaces a pad's content with headings and paragraphs, through its room, as an editor would. */
export function writePad(app: App, padId: string, blocks: Block[], author: Viewer) {
	const json = {
		type: 'doc',
		content: blocks.map(([kind, text]) => (kind === 'h' ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] } : { type: 'paragraph', content: [{ type: 'text', text }] }))
	};
	const update = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(padSchema(), json, PAD_FRAGMENT));
	app.rooms.withRoom(`pad:${padId}`, (room) => room.applyServerUpdate(update, author.id));
}

export function say(app: App, workshopId: string, author: Viewer, text: string, at: number): string {
	const id = newChatMessageId();
	app.rooms.withRoom(`chat:${workshopId}`, (room) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, room.state());
		const before = Y.encodeStateVector(doc);
		appendChatMessage(doc, { v: 1, id, authorId: author.id, authorName: author.displayName, text, at });
		room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), author.id);
	});
	return id;
}
