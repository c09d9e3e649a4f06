// Random and mutated Yjs updates, frames and state vectors sent to pad, chat and drive rooms through the real server:
// the sender alone is refused, other rooms keep serving, and a well-behaved writer loses nothing (issue 13).
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../server/collab/protocol';
import { checkUpdate } from '../../../server/collab/update-check';
import { appendChatMessage, newChatMessageId, readChatEntries } from '../../../server/shared/chat-doc';
import { driveSnapshot } from '../../../server/shared/drive-doc';
import { closeCodeOf, collabCloseCodes } from '../../../server/shared/errors';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { padScenario, padText } from './realtime-fixtures';
import { connectClient, rawSocket, startHarness, synced, waitFor, type Harness } from './realtime-harness';

const MAX_BYTES = 16 * 1024;
/** What a refused sender may be closed with; anything else (1011 above all) means the server failed. */
const REFUSALS = new Set<number>([
	collabCloseCodes.malformedUpdate,
	collabCloseCodes.malformedMessage,
	collabCloseCodes.refusedUpdate,
	collabCloseCodes.resync,
	collabCloseCodes.tooBig,
	closeCodeOf.invalid
]);

type Kind = 'pad' | 'chat' | 'drive';
type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'truncate'; at: number } | { kind: 'extend'; bytes: Uint8Array } | { kind: 'cut'; at: number; length: number };
type Attack =
	| { frame: 'update' | 'sync-step2'; base: string; mutations: Mutation[] }
	| { frame: 'random-update' | 'state-vector' | 'raw' | 'awareness'; bytes: Uint8Array }
	| { frame: 'truncated-frame'; base: string; at: number }
	| { frame: 'oversize'; extra: number }
	| { frame: 'text' };

let harness: Harness;
let s: Awaited<ReturnType<typeof padScenario>>;
let attackerToken: string;
let bases: Record<string, Uint8Array>;
const providers: { destroy(): void }[] = [];
const rooms = () => ({ pad: s.room, chat: `chat:${s.workshopId}`, drive: `drive:${s.workshopId}` });

function edit(doc: Y.Doc, work: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	work();
	return Y.encodeStateAsUpdate(doc, before);
}

/** Valid updates of each room kind (and one of no kind), made by the attacker's own documents. */
function validUpdates(attackerId: string): Record<string, Uint8Array> {
	const pad = new Y.Doc();
	const padEdit = edit(pad, () => {
		const paragraph = new Y.XmlElement('paragraph');
		pad.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
		const text = new Y.XmlText();
		paragraph.insert(0, [text]);
		text.insert(0, 'intrus');
		text.delete(1, 2);
	});
	const chat = new Y.Doc();
	const chatMessage = edit(chat, () => appendChatMessage(chat, { v: 1, id: newChatMessageId(), authorId: attackerId, authorName: 'Mallory', text: 'salut', at: Date.now() }));
	const drive = new Y.Doc();
	const driveEntry = edit(drive, () => drive.getMap('files').set('f1', { id: 'f1', name: 'x' }));
	const other = new Y.Doc();
	const otherRoot = edit(other, () => other.getText('t').insert(0, 'ailleurs'));
	return { padEdit, chatMessage, driveEntry, otherRoot };
}

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
	let out = bytes.slice();
	for (const m of mutations) {
		if (m.kind === 'flip' && out.length > 0) out[m.at % out.length] = m.value;
		else if (m.kind === 'truncate') out = out.slice(0, m.at % (out.length + 1));
		else if (m.kind === 'extend') out = new Uint8Array([...out, ...m.bytes]);
		else if (m.kind === 'cut' && out.length > 0) {
			const at = m.at % out.length;
			out = new Uint8Array([...out.slice(0, at), ...out.slice(at + m.length)]);
		}
	}
	return out;
}

/** State vectors whose numbers are absurd (and sometimes whose length lies). */
const absurdStateVector = fc
	.record({ count: fc.oneof(fc.nat(4), fc.constant(2 ** 31), fc.constant(Number.MAX_SAFE_INTEGER)), pairs: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER))), { maxLength: 4 }) })
	.map(({ count, pairs }) => {
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, count);
		for (const [client, clock] of pairs) {
			encoding.writeVarUint(e, client);
			encoding.writeVarUint(e, clock);
		}
		return encoding.toUint8Array(e);
	});

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('extend' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) })
);
const baseName = fc.constantFrom('padEdit', 'chatMessage', 'driveEntry', 'otherRoot');
const attack: fc.Arbitrary<Attack> = fc.oneof(
	{ arbitrary: fc.record({ frame: fc.constantFrom('update' as const, 'sync-step2' as const), base: baseName, mutations: fc.array(mutation, { maxLength: 3 }) }), weight: 6 },
	fc.record({ frame: fc.constant('random-update' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
	fc.record({ frame: fc.constant('state-vector' as const), bytes: fc.oneof(fc.uint8Array({ maxLength: 24 }), absurdStateVector) }),
	fc.record({ frame: fc.constant('raw' as const), bytes: fc.uint8Array({ maxLength: 48 }) }),
	fc.record({ frame: fc.constant('awareness' as const), bytes: fc.uint8Array({ maxLength: 32 }) }),
	fc.record({ frame: fc.constant('truncated-frame' as const), base: baseName, at: fc.nat() }),
	fc.record({ frame: fc.constant('oversize' as const), extra: fc.integer({ min: 1, max: 64 }) }),
	fc.constant({ frame: 'text' as const })
);

function frameOf(a: Attack): Uint8Array | string {
	switch (a.frame) {
		case 'update':
			return encodeUpdate(mutate(bases[a.base]!, a.mutations));
		case 'sync-step2':
			return encodeSyncStep2(mutate(bases[a.base]!, a.mutations));
		case 'random-update':
			return encodeUpdate(a.bytes);
		case 'state-vector':
			return encodeSyncStep1(a.bytes);
		case 'awareness':
			return encodeAwareness(a.bytes);
		case 'raw':
			return a.bytes;
		case 'truncated-frame': {
			const full = encodeUpdate(bases[a.base]!);
			return full.slice(0, a.at % full.length);
		}
		case 'oversize':
			return new Uint8Array(MAX_BYTES + a.extra).fill(7);
		case 'text':
			return 'bonjour';
	}
}

/** Sends one attack on a fresh socket; resolves with the close code, or null if the server still answers it. */
async function strike(kind: Kind, a: Attack): Promise<number | null> {
	const socket = await rawSocket(`${harness.url}/${rooms()[kind]}`, attackerToken);
	try {
		socket.ws.send(frameOf(a));
		const answered = socket.received.length;
		// A probe the server answers (sync step 2) if the connection is still up once the attack was handled.
		if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(encodeSyncStep1(new Uint8Array([0])));
		await waitFor(() => socket.closedWith() !== null || socket.received.slice(answered).some((m) => m[0] === 0 && m[1] === 1), 3000);
		return socket.closedWith();
	} finally {
		socket.ws.terminate();
	}
}

beforeAll(async () => {
	harness = await startHarness({ maxMessageBytes: MAX_BYTES });
	s = await padScenario(harness.app);
	const attacker = s.guest('Mallory');
	attackerToken = s.tokenOf(attacker);
	bases = validUpdates(attacker.id);
});
afterAll(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness.close();
});

describe('fuzzing the real-time endpoint', () => {
	it('refuses the sender alone, keeps other rooms serving and loses nothing a writer was acknowledged for', { timeout: 30_000 }, async () => {
		const connect = (room: string, token: string) => {
			const c = connectClient(harness.url, room, token);
			providers.push(c.provider);
			return c;
		};
		const writer = connect(s.room, s.tokenOf(s.organiser));
		const observer = connect(s.room, s.tokenOf(s.guest('Chloé')));
		const other = await padScenario(harness.app);
		const bystanders = [connect(other.room, other.tokenOf(other.organiser)), connect(other.room, other.tokenOf(other.guest('Denis')))];
		await Promise.all([writer, observer, ...bystanders].map((c) => synced(c.provider)));

		// Accepted attacks may add paragraphs anywhere in the pad: the writer keeps to its own, and tokens are looked for in the whole pad.
		const writerText = padText(writer.doc);
		const whole = (doc: Y.Doc) => doc.getXmlFragment(PAD_FRAGMENT).toString();
		const acknowledged: string[] = [];
		const closes = new Map<number | null, number>();
		const started = performance.now();
		let step = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom<Kind>('pad', 'chat', 'drive'), attack, async (kind, a) => {
				const code = await strike(kind, a);
				closes.set(code, (closes.get(code) ?? 0) + 1);
				expect(code === null || REFUSALS.has(code), `closed with ${code}`).toBe(true);
				// The writer goes on in the attacked pad; a token counts once another client got it through the server.
				const token = `«${step++}»`;
				writerText.insert(writerText.length, token);
				await waitFor(() => whole(observer.doc).includes(token));
				acknowledged.push(token);
				if (step % 10 === 0) {
					padText(bystanders[0]!.doc).insert(0, 'x');
					await waitFor(() => padText(bystanders[1]!.doc).toString() === padText(bystanders[0]!.doc).toString());
				}
			}),
			{ seed: 20261207, numRuns: 150, endOnFailure: true }
		);
		console.info(`fuzz: 150 attacks in ${Math.round(performance.now() - started)} ms; outcomes (close code: count)`, Object.fromEntries(closes));
		// Both outcomes happened: some attacks were valid updates, most were refused.
		expect(closes.get(null) ?? 0).toBeGreaterThan(0);
		expect([...closes.keys()].filter((c) => c !== null).length).toBeGreaterThan(2);

		// A fresh client gets everything the writer was acknowledged for, and every room still reads, merges and exports.
		const fresh = connect(s.room, s.tokenOf(s.organiser));
		await synced(fresh.provider);
		await waitFor(() => acknowledged.every((t) => whole(fresh.doc).includes(t)));
		expect(writerText.toString()).toBe(acknowledged.join(''));
		harness.app.rooms.flush();
		for (const room of Object.values(rooms())) {
			const rows = harness.db.prepare('SELECT data FROM doc_updates WHERE room = ?').pluck().all(room) as Buffer[];
			expect(() => Y.mergeUpdates(rows.map((r) => new Uint8Array(r))), room).not.toThrow();
		}
		expect((await harness.app.padDocuments.currentContent(s.pad.id)).content!.length).toBeGreaterThan(0);
		await harness.app.chat.open(s.organiser, s.workshopId);
		const chatDoc = new Y.Doc();
		harness.app.rooms.withRoom(rooms().chat, (room) => Y.applyUpdate(chatDoc, room.state()));
		expect(readChatEntries(chatDoc).every(({ entry }) => 'text' in entry && entry.authorId !== '')).toBe(true);
		// Drive peers only read: nothing any attack sent reached its document.
		const driveDoc = new Y.Doc();
		harness.app.rooms.withRoom(rooms().drive, (room) => Y.applyUpdate(driveDoc, room.state()));
		expect(driveSnapshot(driveDoc).files).toEqual([]);
		expect(harness.app.quarantine.list()).toEqual([]);
	});
});

describe('what the update check accepts', () => {
	it('always merges with the room’s state and applies to its document (2,000 mutated updates)', () => {
		const room = new Y.Doc();
		const paragraph = new Y.XmlElement('paragraph');
		room.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
		const text = new Y.XmlText();
		paragraph.insert(0, [text]);
		text.insert(0, 'compte rendu');
		text.delete(0, 6);
		const state = Y.encodeStateAsUpdate(room);
		const samples = validUpdates('mallory');
		let accepted = 0;
		fc.assert(
			fc.property(baseName, fc.array(mutation, { minLength: 1, maxLength: 3 }), (base, mutations) => {
				const update = mutate(samples[base]!, mutations);
				try {
					checkUpdate('pad', update);
				} catch {
					return; // refused: nothing to prove
				}
				accepted++;
				Y.mergeUpdates([state, update]);
				const doc = new Y.Doc();
				Y.applyUpdate(doc, state);
				Y.applyUpdate(doc, update);
				Y.encodeStateAsUpdate(doc);
			}),
			{ seed: 13, numRuns: 2000 }
		);
		expect(accepted).toBeGreaterThan(20);
	});
});
