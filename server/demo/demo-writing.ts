// Writes the demo's pads and chats through their rooms, one update per person, as their editors would: authorship stays real.
import * as Y from 'yjs';
import type { App } from '../app';
import { appendChatMessage, newChatMessageId } from '../shared/chat-doc';
import { PAD_FRAGMENT } from '../shared/pad-schema';
import type { DemoBlock, DemoSection } from './nec2018-notes';

/** Applies one person's change to a room's document as a single update credited to them. */
function edit(app: App, room: string, authorId: string, change: (doc: Y.Doc) => void) {
	app.rooms.withRoom(room, (r) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, r.state());
		const before = Y.encodeStateVector(doc);
		doc.transact(() => change(doc));
		r.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
	});
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]) {
	const el = new Y.XmlElement(name);
	el.insert(0, children);
	return el;
}
const paragraph = (text: string) => element('paragraph', [new Y.XmlText(text)]);
function heading(text: string): Y.XmlElement {
	const el = element('heading', [new Y.XmlText(text)]);
	// y-tiptap stores node attributes with their schema type (a number for a level), where Yjs's typings say string.
	(el as unknown as Y.XmlElement<{ level: number }>).setAttribute('level', 2);
	return el;
}
const block = (b: DemoBlock) => (typeof b === 'string' ? paragraph(b) : element('bulletList', b.map((item) => element('listItem', [paragraph(item)]))));

function headingIndex(fragment: Y.XmlFragment, text: string): number {
	return fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.nodeName === 'heading' && n.toArray().map(String).join('') === text);
}

/** Replaces the template's prompt under `section.heading` with the person's notes; a heading the template lacks is added at the end. */
export function writeSection(app: App, padId: string, section: DemoSection, authorId: string) {
	edit(app, `pad:${padId}`, authorId, (doc) => {
		const fragment = doc.getXmlFragment(PAD_FRAGMENT);
		const at = headingIndex(fragment, section.heading);
		const blocks = section.blocks.map(block);
		if (at === -1) return fragment.push([heading(section.heading), ...blocks]);
		fragment.delete(at + 1, 1);
		fragment.insert(at + 1, blocks);
	});
}

/** The facilitator's tidy-up: template sections nobody wrote in (heading and prompt) are removed. */
export function dropUnwrittenSections(app: App, padId: string, written: string[], authorId: string) {
	edit(app, `pad:${padId}`, authorId, (doc) => {
		const fragment = doc.getXmlFragment(PAD_FRAGMENT);
		const nodes = fragment.toArray();
		for (let i = nodes.length - 1; i >= 0; i--) {
			const n = nodes[i];
			if (!(n instanceof Y.XmlElement) || n.nodeName !== 'heading' || written.includes(n.toArray().map(String).join(''))) continue;
			fragment.delete(i, Math.min(2, nodes.length - i));
		}
	});
}

/** Posts a chat message as its author would from the chat panel (under their credit choice); returns its id (for replies). */
export function postChatMessage(app: App, workshopId: string, author: { id: string; displayName: string }, text: string, at: number, replyTo?: string): string {
	const id = newChatMessageId();
	const editionId = app.db.prepare<[string], string>('SELECT edition_id FROM workshops WHERE id = ?').pluck().get(workshopId);
	const authorName = editionId ? app.credits.display(author.id, editionId) : author.displayName;
	edit(app, `chat:${workshopId}`, author.id, (doc) => {
		appendChatMessage(doc, { v: 1, id, authorId: author.id, authorName, text, at, ...(replyTo ? { replyTo } : {}) });
	});
	return id;
}
