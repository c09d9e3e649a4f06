// Micro-benchmark of the check every update goes through before a room stores it: `npx tsx tests/bench/update-check.ts`.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { PadShape } from '../../server/collab/pad-shape';
import { checkUpdate } from '../../server/collab/update-check';
import { appendChatMessage, newChatMessageId } from '../../server/shared/chat-doc';
import { PAD_FRAGMENT, padSchema } from '../../server/shared/pad-schema';

function diff(doc: Y.Doc, work: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	work();
	return Y.encodeStateAsUpdate(doc, before);
}

const paragraphs = (n: number) => ({ type: 'doc', content: Array.from({ length: n }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `ligne ${i} du compte rendu` }] })) });
const pad = prosemirrorJSONToYDoc(padSchema(), paragraphs(200), PAD_FRAGMENT);
const keystroke = diff(pad, () => ((pad.getXmlFragment(PAD_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, 'x'));
const paste = Y.encodeStateAsUpdate(pad);
const chat = new Y.Doc();
const message = diff(chat, () => appendChatMessage(chat, { v: 1, id: newChatMessageId(), authorId: 'u1', authorName: 'Bob', text: 'Une idée à partager', at: Date.now() }));

const cases: [string, 'pad' | 'chat', Uint8Array][] = [
	['pad keystroke', 'pad', keystroke],
	['pad paste of 200 paragraphs', 'pad', paste],
	['chat message', 'chat', message]
];
const perCall = (work: () => void, runs: number) => {
	for (let i = 0; i < Math.min(runs, 500); i++) work();
	const start = performance.now();
	for (let i = 0; i < runs; i++) work();
	return ((performance.now() - start) / runs) * 1000;
};
for (const [name, kind, update] of cases) {
	const runs = update.length > 1000 ? 2000 : 20000;
	const check = perCall(() => checkUpdate(kind, update), runs);
	const before = perCall(() => Y.parseUpdateMeta(update), runs);
	console.log(`${name} (${update.length} bytes): checkUpdate ${check.toFixed(1)} µs, Y.parseUpdateMeta (the check before) ${before.toFixed(1)} µs`);
}

// A pad's shape index: built once per loaded pad (at its first update), then one look-up per keystroke.
const state = Y.encodeStateAsUpdate(pad);
const builds = 50;
let start = performance.now();
for (let i = 0; i < builds; i++) new PadShape(state);
console.log(`pad shape built from a 200-paragraph pad (${state.length} bytes): ${((performance.now() - start) / builds).toFixed(2)} ms`);
const shape = new PadShape(state);
const text = (pad.getXmlFragment(PAD_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const keystrokes = Array.from({ length: 5000 }, (_, i) => diff(pad, () => text.insert(text.length, String(i % 10))));
start = performance.now();
for (const k of keystrokes) shape.accept(k);
console.log(`pad shape check of a keystroke: ${(((performance.now() - start) / keystrokes.length) * 1000).toFixed(1)} µs`);
