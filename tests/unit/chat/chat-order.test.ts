// The server decides a chat's order and time: peers append at the end, at the server's time (issue 13, item 4).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHAT_CLOCK_TOLERANCE_MS, CHAT_SIMULTANEOUS_MS, chatGuardInternals, createChatGuard } from '../../../server/collab/chat-guard';
import { appendChatMessage, chatMessages, newChatMessageId } from '../../../server/shared/chat-doc';

const message = (authorId: string, at = Date.now(), text = 'Bonjour') => ({ v: 1 as const, id: newChatMessageId(), authorId, authorName: authorId, text, at });

/** A peer's copy of `state` with a given Yjs client id (it decides which of two simultaneous appends Yjs puts first). */
function peer(state: Uint8Array, clientID: number): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	Y.applyUpdate(doc, state);
	return doc;
}
function change(doc: Y.Doc, work: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	work(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

describe('chat order and time', () => {
	it('refuses inserting one’s own message before existing ones, anywhere', () => {
		const room = peer(new Uint8Array([0, 0]), 1000);
		for (let i = 0; i < 3; i++) appendChatMessage(room, message('alice'));
		const guard = createChatGuard(Y.encodeStateAsUpdate(room));
		for (const index of [0, 1, 2]) {
			const update = change(peer(Y.encodeStateAsUpdate(room), 7), (d) => chatMessages(d).insert(index, [message('bob')]));
			expect(guard.refuse(update, 'bob'), `at ${index}`).toBe('a message can only be added after the others');
		}
		expect(guard.refuse(change(peer(Y.encodeStateAsUpdate(room), 7), (d) => appendChatMessage(d, message('bob'))), 'bob')).toBeNull();
	});

	it(`refuses a time more than ${CHAT_CLOCK_TOLERANCE_MS / 1000} s from the server clock, either way`, () => {
		const room = new Y.Doc();
		const guard = createChatGuard(Y.encodeStateAsUpdate(room));
		const at = (offset: number) => guard.refuse(change(peer(Y.encodeStateAsUpdate(room), 7), (d) => appendChatMessage(d, message('bob', Date.now() + offset))), 'bob');
		expect(at(-CHAT_CLOCK_TOLERANCE_MS - 5_000)).toBe('a message’s time must be the server’s: check the device’s clock');
		expect(at(CHAT_CLOCK_TOLERANCE_MS + 5_000)).toBe('a message’s time must be the server’s: check the device’s clock');
		expect(at(Date.parse('2018-09-13T12:02:00Z') - Date.now())).toBe('a message’s time must be the server’s: check the device’s clock');
		expect(at(-30_000)).toBeNull();
		expect(at(30_000)).toBeNull();
	});

	it('takes two messages sent at the same instant in either order, but never one that lands before older messages', () => {
		const room = peer(new Uint8Array([0, 0]), 5000);
		appendChatMessage(room, message('alice', Date.now() - 60_000, 'ancien'));
		const stale = Y.encodeStateAsUpdate(room); // what a late client last saw
		appendChatMessage(room, message('alice', Date.now() - 5_000, 'récent'));
		const guard = createChatGuard(Y.encodeStateAsUpdate(room));

		// Appended after « ancien » while « récent » (5 s old) was on its way: Yjs puts it before « récent » (lower id).
		const simultaneous = change(peer(stale, 7), (d) => appendChatMessage(d, message('bob')));
		expect(chatGuardInternals.inspect(mirrorOf(room), simultaneous, 'bob')).toBe(chatGuardInternals.REPLAY);
		expect(guard.refuse(simultaneous, 'bob')).toBeNull();
		// With a higher id it lands after « récent »: at the end.
		expect(guard.refuse(change(peer(stale, 9000), (d) => appendChatMessage(d, message('bob'))), 'bob')).toBeNull();

		// « récent » older than the window: landing before it is a rewrite of the history, refused.
		const older = peer(new Uint8Array([0, 0]), 5000);
		appendChatMessage(older, message('alice', Date.now() - 60_000, 'ancien'));
		const olderStale = Y.encodeStateAsUpdate(older);
		appendChatMessage(older, message('alice', Date.now() - CHAT_SIMULTANEOUS_MS - 20_000, 'pas si récent'));
		const olderGuard = createChatGuard(Y.encodeStateAsUpdate(older));
		expect(olderGuard.refuse(change(peer(olderStale, 7), (d) => appendChatMessage(d, message('bob'))), 'bob')).toBe('a message can only be added after the others');
		expect(olderGuard.refuse(change(peer(olderStale, 9000), (d) => appendChatMessage(d, message('bob'))), 'bob')).toBeNull();
	});

	it('still refuses editing or deleting someone else’s message', () => {
		const room = peer(new Uint8Array([0, 0]), 1000);
		appendChatMessage(room, message('alice'));
		const guard = createChatGuard(Y.encodeStateAsUpdate(room));
		const edit = change(peer(Y.encodeStateAsUpdate(room), 7), (d) =>
			d.transact(() => {
				chatMessages(d).delete(0, 1);
				chatMessages(d).insert(0, [message('alice', Date.now(), 'réécrit')]);
			})
		);
		expect(guard.refuse(edit, 'bob')).not.toBeNull();
		expect(guard.refuse(change(peer(Y.encodeStateAsUpdate(room), 7), (d) => chatMessages(d).delete(0, 1)), 'bob')).toBe('chat messages cannot be deleted or edited by peers');
	});
});

function mirrorOf(room: Y.Doc): Y.Doc {
	const mirror = new Y.Doc();
	Y.applyUpdate(mirror, Y.encodeStateAsUpdate(room));
	return mirror;
}
