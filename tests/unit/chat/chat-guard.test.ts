import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createChatGuard } from '../../../server/collab/chat-guard';
import { appendChatMessage, chatMessages, newChatMessageId, setArchivedCount } from '../../../server/shared/chat-doc';

/** A peer's copy of the room; returns the update its change produced. */
function peerChange(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(room));
	const before = Y.encodeStateVector(peer);
	change(peer);
	return Y.encodeStateAsUpdate(peer, before);
}

const message = (authorId: string, text = 'Bonjour') => ({ v: 1 as const, id: newChatMessageId(), authorId, authorName: 'Bob', text, at: Date.now() });

describe('what chat peers may send', () => {
	const room = new Y.Doc();
	appendChatMessage(room, message('alice', 'Première idée'));
	const guard = createChatGuard(Y.encodeStateAsUpdate(room));

	it('accepts appending one’s own messages, after others’ too', () => {
		const update = peerChange(room, (doc) => appendChatMessage(doc, message('bob')));
		expect(guard.refuse(update, 'bob')).toBeNull();
	});

	it('refuses a message signed with someone else’s id', () => {
		expect(guard.refuse(peerChange(room, (doc) => appendChatMessage(doc, message('alice'))), 'bob')).toBe('a message must carry its own author');
	});

	it('refuses deleting or rewriting messages, and touching the archive counter', () => {
		expect(guard.refuse(peerChange(room, (doc) => chatMessages(doc).delete(0, 1)), 'bob')).toBe('chat messages cannot be deleted or edited by peers');
		expect(guard.refuse(peerChange(room, (doc) => setArchivedCount(doc, 99)), 'bob')).toBe('peers may only append messages to the chat');
		expect(guard.refuse(peerChange(room, (doc) => chatMessages(doc).push([{ text: '<b>no schema</b>' }])), 'bob')).toBe('not a chat message');
	});

	it('follows the server’s own changes', () => {
		const serverChange = peerChange(room, (doc) => setArchivedCount(doc, 1));
		guard.applied(serverChange);
		Y.applyUpdate(room, serverChange);
		expect(guard.refuse(peerChange(room, (doc) => appendChatMessage(doc, message('bob'))), 'bob')).toBeNull();
	});
});
