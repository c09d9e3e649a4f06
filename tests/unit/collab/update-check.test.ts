// The check every update passes before a room stores or relays it (server/collab/update-check.ts).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PadShape } from '../../../server/collab/pad-shape';
import { checkUpdate, MalformedUpdate } from '../../../server/collab/update-check';
import { appendChatMessage, newChatMessageId } from '../../../server/shared/chat-doc';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';

function updateOf(work: (doc: Y.Doc) => void): Uint8Array {
	const doc = new Y.Doc();
	work(doc);
	return Y.encodeStateAsUpdate(doc);
}
function paragraph(doc: Y.Doc, text = 'abc'): Y.XmlText {
	const p = new Y.XmlElement('paragraph');
	doc.getXmlFragment(PAD_FRAGMENT).insert(0, [p]);
	const t = new Y.XmlText();
	p.insert(0, [t]);
	t.insert(0, text);
	return t;
}
const refusal = (kind: 'pad' | 'chat' | 'drive', update: Uint8Array) => {
	try {
		checkUpdate(kind, update);
		return null;
	} catch (e) {
		expect(e).toBeInstanceOf(MalformedUpdate);
		return (e as Error).message;
	}
};

describe('checkUpdate', () => {
	const tiptap = updateOf((doc) => {
		const text = paragraph(doc, 'compte rendu');
		text.format(0, 6, { bold: true });
		text.delete(0, 2);
		(doc.getXmlFragment(PAD_FRAGMENT).get(0) as Y.XmlElement).setAttribute('textAlign', 'left');
	});

	it('accepts what each kind of room is made of, and returns the client ids', () => {
		expect(checkUpdate('pad', tiptap)).toHaveLength(1);
		expect(checkUpdate('chat', updateOf((d) => appendChatMessage(d, { v: 1, id: newChatMessageId(), authorId: 'u', authorName: 'U', text: 'x', at: 1 })))).toHaveLength(1);
		expect(checkUpdate('drive', updateOf((d) => d.getMap('files').set('f', { id: 'f' })))).toHaveLength(1);
		expect(checkUpdate('pad', new Uint8Array([0, 0]))).toEqual([]);
	});

	it('refuses an update that does not read to its end: truncated anywhere (delete set included), or with bytes after it', () => {
		for (let cut = 1; cut < tiptap.length; cut++) expect(refusal('pad', tiptap.slice(0, tiptap.length - cut)), `cut ${cut}`).not.toBeNull();
		expect(refusal('pad', new Uint8Array([...tiptap, 0]))).toMatch(/1 bytes after the end/);
	});

	it('refuses shared types the room kind does not have, and the wrong type under a known name', () => {
		expect(refusal('pad', updateOf((d) => d.getText('t').insert(0, 'x')))).toMatch(/no shared type « t » in a pad room/);
		expect(refusal('pad', updateOf((d) => d.getMap(PAD_FRAGMENT).set('k', 1)))).toMatch(/is a list/);
		expect(refusal('pad', updateOf((d) => d.get(PAD_FRAGMENT, Y.XmlText).insert(0, 'x')))).toMatch(/not pad content|cannot go in/);
		expect(refusal('chat', updateOf((d) => d.getMap('messages').set('k', 1)))).toMatch(/is a list/);
		expect(refusal('drive', updateOf((d) => d.getArray('files').push([1])))).toMatch(/is a map/);
		expect(refusal('chat', updateOf((d) => d.getArray('__proto__').push([1])))).toMatch(/no shared type/);
	});

	it('refuses in a pad what Tiptap never writes (a map or a plain array anywhere, binary, sub-documents)', () => {
		expect(refusal('pad', updateOf((d) => (paragraph(d).parent as Y.XmlElement).insert(0, [new Y.Map() as never])))).toMatch(/not pad content/);
		expect(refusal('pad', updateOf((d) => (paragraph(d).parent as Y.XmlElement).setAttribute('src', new Uint8Array([1]) as never)))).toMatch(/not pad content/);
		expect(refusal('chat', updateOf((d) => d.getArray('messages').push([new Y.Doc()])))).toMatch(/content 9 not accepted/);
	});
});

describe('PadShape', () => {
	/** A pad with two paragraphs, and a peer's copy of it. */
	function pad() {
		const room = new Y.Doc();
		paragraph(room, 'deux');
		paragraph(room, 'un');
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(room));
		const change = (work: (fragment: Y.XmlFragment) => void) => {
			const before = Y.encodeStateVector(peer);
			work(peer.getXmlFragment(PAD_FRAGMENT));
			return Y.encodeStateAsUpdate(peer, before);
		};
		return { shape: new PadShape(Y.encodeStateAsUpdate(room)), change };
	}
	const refusalOf = (shape: PadShape, update: Uint8Array) => {
		try {
			shape.accept(update);
			return null;
		} catch (e) {
			return (e as Error).message;
		}
	};

	it('takes what Tiptap writes: paragraphs anywhere among the others, text, marks and attributes inside them', () => {
		const { shape, change } = pad();
		expect(refusalOf(shape, change((f) => f.insert(1, [new Y.XmlElement('heading')])))).toBeNull();
		expect(refusalOf(shape, change((f) => f.insert(0, [new Y.XmlElement('paragraph')])))).toBeNull();
		expect(refusalOf(shape, change((f) => ((f.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(1, 'x', { bold: true })))).toBeNull();
		expect(refusalOf(shape, change((f) => (f.get(2) as Y.XmlElement).setAttribute('textAlign', 'center')))).toBeNull();
	});

	it('refuses a value placed straight into the fragment by its left or its right neighbour', () => {
		const { shape, change } = pad();
		expect(refusalOf(shape, change((f) => f.insert(1, ['entre' as never])))).toBe('only elements and text nodes can sit directly in a pad');
		const other = pad();
		expect(refusalOf(other.shape, other.change((f) => f.insert(0, ['avant' as never])))).toBe('only elements and text nodes can sit directly in a pad');
	});

	it('refuses text placed next to an item the room does not have, and follows what it accepted', () => {
		const { shape, change } = pad();
		const first = change((f) => f.insert(2, [new Y.XmlElement('paragraph')]));
		const second = change((f) => f.insert(3, ['après' as never]));
		expect(refusalOf(shape, second)).toBe('this change builds on content the server does not have: reconnect to resync');
		expect(refusalOf(shape, first)).toBeNull();
		expect(refusalOf(shape, second)).toBe('only elements and text nodes can sit directly in a pad');
	});
});
