// The check every update passes before a room stores or relays it (server/collab/update-check.ts).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
