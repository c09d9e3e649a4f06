import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { linkify, safeHref } from '../../../src/lib/components/chat/chat-text';
import { appendChatMessage, CHAT_MESSAGE_MAX, chatMessages, chatSnapshot, newChatMessageId, parseChatEntry, type ChatMessage } from '../../../server/shared/chat-doc';

const message = (over: Partial<ChatMessage> = {}): ChatMessage => ({ v: 1, id: newChatMessageId(), authorId: 'u1', authorName: 'Bob', text: 'Bonjour', at: 1_536_825_600_000, ...over });

describe('chat message shape', () => {
	it('accepts a message up to the length limit and refuses longer or blank ones', () => {
		expect(parseChatEntry(message({ text: 'a'.repeat(CHAT_MESSAGE_MAX) }))).not.toBeNull();
		expect(parseChatEntry(message({ text: 'a'.repeat(CHAT_MESSAGE_MAX + 1) }))).toBeNull();
		expect(parseChatEntry(message({ text: '   ' }))).toBeNull();
		expect(() => appendChatMessage(new Y.Doc(), message({ text: 'a'.repeat(CHAT_MESSAGE_MAX + 1) }))).toThrow();
	});

	it('leaves entries that break the schema out of the snapshot', () => {
		const doc = new Y.Doc();
		appendChatMessage(doc, message({ text: 'valide' }));
		// what a hostile client could push straight into the array
		chatMessages(doc).push([{ v: 1, id: 'x', text: 'no author' }, 'just a string', { ...message(), text: 'b'.repeat(5000) }, { ...message(), v: 99 }]);
		const snapshot = chatSnapshot(doc);
		expect(snapshot.entries.map((e) => ('text' in e ? e.text : 'tombstone'))).toEqual(['valide']);
		expect(snapshot.version).toBe(1);
	});

	it('makes ids the room schema accepts', () => {
		expect(newChatMessageId()).toMatch(/^[a-z0-9]{20}$/);
	});
});

describe('chat text rendering', () => {
	it('makes http(s) addresses links and keeps the rest as text', () => {
		expect(linkify('Voir https://example.org/a?b=1. Merci')).toEqual([
			{ kind: 'text', text: 'Voir ' },
			{ kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
			{ kind: 'text', text: '. Merci' }
		]);
	});

	it('never turns javascript: or other schemes into links, and keeps markup as plain text', () => {
		const text = 'javascript:alert(1) <img src=x onerror=alert(1)> data:text/html,<b>x</b>';
		expect(linkify(text)).toEqual([{ kind: 'text', text }]);
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref('JAVASCRIPT://example.org/%0aalert(1)')).toBeNull();
		expect(linkify('http://x.org/"onmouseover="alert(1)').filter((s) => s.kind === 'link')).toEqual([{ kind: 'link', text: 'http://x.org/', href: 'http://x.org/' }]);
	});
});
