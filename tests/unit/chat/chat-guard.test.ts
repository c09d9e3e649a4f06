import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chatGuardInternals, createChatGuard } from '../../../server/collab/chat-guard';
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

describe('the guard reads updates without copying the chat', () => {
	const { inspect, replayOnCopy, REPLAY } = chatGuardInternals;

	/** A room that has lived a little: messages from two people, the oldest archived by the server, a hidden one. */
	function livedRoom(): Y.Doc {
		const room = new Y.Doc();
		for (let i = 0; i < 12; i++) appendChatMessage(room, message(i % 2 ? 'alice' : 'bob', `Message ${i}`));
		room.transact(() => {
			chatMessages(room).delete(0, 4);
			setArchivedCount(room, 4);
		});
		const hidden = chatMessages(room).get(2) as { id: string; at: number };
		room.transact(() => {
			chatMessages(room).delete(2, 1);
			chatMessages(room).insert(2, [{ v: 1, id: hidden.id, at: hidden.at, hidden: { byId: 'orga', byName: 'Olivia', at: Date.now() } }]);
		});
		return room;
	}

	/** Updates a peer may send, good and bad, each with whether the struct reading must decide it alone. */
	function cases(room: Y.Doc): { name: string; update: Uint8Array; direct: boolean }[] {
		const change = (name: string, fn: (doc: Y.Doc) => void, direct = true) => ({ name, update: peerChange(room, fn), direct });
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(room));
		appendChatMessage(peer, message('bob', 'hors ligne'));
		const first = Y.encodeStateAsUpdate(peer, Y.encodeStateVector(room));
		const middle = Y.encodeStateVector(peer);
		appendChatMessage(peer, message('bob', 'toujours hors ligne'));
		const second = Y.encodeStateAsUpdate(peer, middle);
		return [
			change('own message', (d) => appendChatMessage(d, message('bob'))),
			change('borrowed name', (d) => appendChatMessage(d, message('alice'))),
			change('no schema', (d) => chatMessages(d).push([{ text: 'x' }])),
			change('a forged tombstone', (d) => chatMessages(d).push([{ v: 1, id: newChatMessageId(), at: 1, hidden: { byId: 'bob', byName: 'Bob', at: 1 } }])),
			change('own message first', (d) => chatMessages(d).insert(0, [message('bob')])),
			change('own message in the middle', (d) => chatMessages(d).insert(3, [message('bob')])),
			change('borrowed name in the middle', (d) => chatMessages(d).insert(3, [message('alice')])),
			change('two messages', (d) => chatMessages(d).push([message('bob'), message('bob')])),
			change('two messages, the second borrowed', (d) => chatMessages(d).push([message('bob'), message('alice')])),
			change('two transactions', (d) => {
				appendChatMessage(d, message('bob'));
				appendChatMessage(d, message('bob', 'encore'));
			}),
			change('a deletion', (d) => chatMessages(d).delete(1, 1)),
			change('an edit', (d) => d.transact(() => {
				chatMessages(d).delete(1, 1);
				chatMessages(d).insert(1, [message('bob', 'réécrit')]);
			})),
			change('said then taken back', (d) => d.transact(() => {
				appendChatMessage(d, message('bob'));
				chatMessages(d).delete(chatMessages(d).length - 1, 1);
			})),
			change('the archive counter', (d) => setArchivedCount(d, 0)),
			change('another shared type', (d) => d.getText('notes').insert(0, 'x')),
			change('a nested type', (d) => chatMessages(d).push([new Y.Map()])),
			change('binary content', (d) => chatMessages(d).push([new Uint8Array([1, 2])])),
			{ name: 'a resync: known structs and the whole delete set, then a message', update: first, direct: true },
			{ name: 'the whole document', update: Y.encodeStateAsUpdate(peer), direct: true },
			{ name: 'nothing new', update: Y.encodeStateAsUpdate(room), direct: true },
			{ name: 'a message that depends on one the room has not got', update: second, direct: false }
		];
	}

	it('decides like a replay on a copy, for every kind of update, and alone for everything a client sends in practice', () => {
		const room = livedRoom();
		const mirror = new Y.Doc();
		Y.applyUpdate(mirror, Y.encodeStateAsUpdate(room));
		for (const c of cases(room)) {
			const direct = inspect(mirror, c.update, 'bob');
			if (c.direct) expect(direct, c.name).not.toBe(REPLAY);
			if (direct !== REPLAY) expect(direct, c.name).toBe(replayOnCopy(mirror, c.update, 'bob'));
		}
	});

	it('checks a message that was held back once what it depends on arrives', () => {
		const room = livedRoom();
		const guard = createChatGuard(Y.encodeStateAsUpdate(room));
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(room));
		const start = Y.encodeStateVector(peer);
		appendChatMessage(peer, message('bob', 'premier'));
		const middle = Y.encodeStateVector(peer);
		appendChatMessage(peer, message('alice', 'signé par une autre'));
		const first = Y.encodeStateAsUpdate(peer, start);
		const second = Y.encodeStateAsUpdate(peer, middle);
		// Nothing of the second can be placed yet: as before, it waits in the room's state.
		expect(guard.refuse(second, 'bob')).toBeNull();
		guard.applied(second);
		expect(guard.refuse(first, 'bob')).toBe('a message must carry its own author');
	});

	it('refuses what is not an update', () => {
		expect(createChatGuard(Y.encodeStateAsUpdate(new Y.Doc())).refuse(new Uint8Array([200, 1, 2, 3]), 'bob')).toMatch(/^malformed update/);
	});

	it('costs the size of the update, not of the chat', () => {
		const timeOf = (messages: number) => {
			const room = new Y.Doc();
			for (let i = 0; i < messages; i++) appendChatMessage(room, message('alice', `Message ${i} : une idée un peu longue pour peser son poids`));
			const guard = createChatGuard(Y.encodeStateAsUpdate(room));
			const update = peerChange(room, (d) => appendChatMessage(d, message('bob')));
			for (let i = 0; i < 50; i++) guard.refuse(update, 'bob'); // warm up
			const start = performance.now();
			for (let i = 0; i < 200; i++) expect(guard.refuse(update, 'bob')).toBeNull();
			return performance.now() - start;
		};
		const small = timeOf(10);
		const large = timeOf(2000);
		// A copy of a 2,000-message chat per check would be two orders of magnitude slower than one of 10 messages.
		expect(large).toBeLessThan(small * 5 + 20);
	});
});
