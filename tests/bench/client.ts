// A lean simulated client: a raw `ws` socket speaking the y-websocket message layout (or Hocuspocus's, which
// prefixes every message with the document name). Only typists and the room's observer hold a Y.Doc; everyone
// else reads just enough of each update (its client/clock ranges) to time and count keystrokes.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { now } from './clock';

export type Wire = 'y' | 'hocus';
export type Role = 'receiver' | 'typist' | 'observer';

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_AUTH = 2;
const MSG_SYNC_REPLY = 4; // Hocuspocus only
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** What a client reports to its room when something arrives. */
export interface ClientSink {
	onSynced(client: SimClient): void;
	onUpdate(client: SimClient, update: Uint8Array, isSyncStep2: boolean, at: number): void;
	onAwareness(client: SimClient): void;
}

export type ClientOptions = {
	url: string;
	wire: Wire;
	/** Document name (Hocuspocus frames carry it). */
	docName: string;
	token: string | null;
	role: Role;
	sink: ClientSink;
	/** False for clients whose deliveries are not counted (e.g. a cold joiner of a huge document). */
	tracked?: boolean;
};

const zeroMask = (mask: Buffer) => void mask.fill(0);

function readVarUint(buf: Uint8Array, state: { pos: number }): number {
	let num = 0;
	let mult = 1;
	for (;;) {
		const r = buf[state.pos++]!;
		num += (r & 0x7f) * mult;
		if (r < 0x80) return num;
		mult *= 128;
		if (state.pos > buf.length) throw new Error('varUint overruns the message');
	}
}

export class SimClient {
	readonly ws: WebSocket;
	readonly role: Role;
	readonly tracked: boolean;
	/** Y.Doc of a typist (its own keystrokes only) or of the observer (everything). */
	readonly doc: Y.Doc | null;
	readonly text: Y.XmlText | null;
	readonly clientId: number;
	/** now() when the connection was requested, opened, and synced (sync step 2 received). */
	readonly startedAt = now();
	openedAt = -1;
	syncedAt = -1;
	closed = false;
	closeInfo = '';
	/** Next expected clock per typist client id (delivery tracking). */
	readonly next = new Map<number, number>();
	/** Updates that skipped keystrokes after sync: should stay 0. */
	gaps = 0;
	awarenessReceived = 0;
	// typist state
	sent = 0;
	typed = '';
	sendTimes = new Float64Array(256);
	private lastUpdate: Uint8Array | null = null;
	private awarenessClock = 0;
	private readonly prefix: Uint8Array;
	private readonly opts: ClientOptions;
	private readonly synced: Promise<SimClient>;

	constructor(opts: ClientOptions) {
		this.opts = opts;
		this.role = opts.role;
		this.tracked = opts.tracked ?? true;
		if (opts.role !== 'receiver') {
			this.doc = new Y.Doc();
			this.text = sharedLine(this.doc);
			this.clientId = this.doc.clientID;
			if (opts.role === 'typist') this.doc.on('update', (u: Uint8Array) => (this.lastUpdate = u));
		} else {
			this.doc = null;
			this.text = null;
			this.clientId = -1;
		}
		const e = encoding.createEncoder();
		if (opts.wire === 'hocus') encoding.writeVarString(e, opts.docName);
		this.prefix = encoding.toUint8Array(e);
		const headers: Record<string, string> = opts.token ? { cookie: `ml_session=${opts.token}` } : {};
		// An all-zero mask is valid and spares a random fill per frame: the generator shares the machine with the server.
		this.ws = new WebSocket(opts.url, { headers, perMessageDeflate: false, handshakeTimeout: 60_000, maxPayload: 256 * 1024 * 1024, generateMask: zeroMask });
		this.synced = new Promise((resolve, reject) => {
			this.ws.on('open', () => {
				this.openedAt = now();
				if (opts.wire === 'hocus') this.send(this.message(MSG_AUTH, (en) => (encoding.writeVarUint(en, 0), encoding.writeVarString(en, 'bench'))));
				// Like the stock client: sync step 1 right away (our state vector; empty for receivers).
				this.send(this.syncMessage(STEP1, this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR));
			});
			this.ws.on('message', (data: Buffer) => {
				try {
					this.receive(data, resolve);
				} catch (err) {
					reject(err);
					this.ws.terminate();
				}
			});
			this.ws.on('close', (code, reason) => {
				this.closed = true;
				this.closeInfo = `${code} ${reason.toString()}`;
				reject(new Error(`closed before sync: ${this.closeInfo}`));
			});
			this.ws.on('error', (err) => {
				this.closeInfo = err.message;
				reject(err);
			});
		});
		this.synced.catch(() => undefined);
	}

	whenSynced(): Promise<SimClient> {
		return this.synced;
	}

	private send(message: Uint8Array): void {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
	}

	private message(type: number, body: (e: encoding.Encoder) => void): Uint8Array {
		const e = encoding.createEncoder();
		encoding.writeUint8Array(e, this.prefix);
		encoding.writeVarUint(e, type);
		body(e);
		return encoding.toUint8Array(e);
	}

	private syncMessage(sub: number, payload: Uint8Array): Uint8Array {
		return this.message(MSG_SYNC, (e) => {
			encoding.writeVarUint(e, sub);
			encoding.writeVarUint8Array(e, payload);
		});
	}

	private receive(data: Buffer, resolve: (c: SimClient) => void): void {
		const at = now();
		const state = { pos: 0 };
		if (this.opts.wire === 'hocus') {
			const nameLength = readVarUint(data, state); // skip the document name
			state.pos += nameLength;
		}
		const type = readVarUint(data, state);
		if (type === MSG_SYNC || type === MSG_SYNC_REPLY) {
			const sub = readVarUint(data, state);
			const length = readVarUint(data, state);
			const payload = data.subarray(state.pos, state.pos + length);
			if (sub === STEP1) {
				// Answer the server's step 1 with what we have that it lacks.
				this.send(this.syncMessage(STEP2, this.role === 'typist' && this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE));
				return;
			}
			if (this.role === 'observer') Y.applyUpdate(this.doc!, payload);
			const first = sub === STEP2 && this.syncedAt < 0;
			if (first) this.syncedAt = at;
			this.opts.sink.onUpdate(this, payload, sub === STEP2, at);
			if (first) {
				this.opts.sink.onSynced(this);
				resolve(this);
			}
			return;
		}
		if (type === MSG_AWARENESS) {
			this.awarenessReceived++;
			this.opts.sink.onAwareness(this);
			return;
		}
		if (type === MSG_AUTH && this.opts.wire === 'hocus') {
			const sub = readVarUint(data, state);
			if (sub === 1) throw new Error('Hocuspocus denied access');
		}
		// Hocuspocus SyncStatus acks, close notices: ignored.
	}

	/** Types one character at the end of this typist's own text; returns the keystroke's clock. */
	type(char: string, caret: boolean): number {
		const clock = this.sent;
		this.lastUpdate = null;
		this.text!.insert(this.text!.length, char);
		const update = this.lastUpdate as Uint8Array | null;
		if (!update) throw new Error('typing produced no update');
		if (clock >= this.sendTimes.length) {
			const bigger = new Float64Array(this.sendTimes.length * 2);
			bigger.set(this.sendTimes);
			this.sendTimes = bigger;
		}
		this.sendTimes[clock] = now();
		this.send(this.syncMessage(UPDATE, update));
		if (caret) this.send(this.awarenessMessage());
		this.sent++;
		this.typed += char;
		return clock;
	}

	/** A y-prosemirror-like caret: user name and colour plus anchor/head relative positions. */
	private awarenessMessage(): Uint8Array {
		const position = { type: { client: this.clientId, clock: 0 }, tname: null, item: { client: this.clientId, clock: this.sent }, assoc: 0 };
		const state = JSON.stringify({ user: { name: `Participant ${this.clientId % 1000}`, color: '#30bced' }, cursor: { anchor: position, head: position } });
		return this.message(MSG_AWARENESS, (e) => {
			const inner = encoding.createEncoder();
			encoding.writeVarUint(inner, 1);
			encoding.writeVarUint(inner, this.clientId);
			encoding.writeVarUint(inner, ++this.awarenessClock);
			encoding.writeVarString(inner, state);
			encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
		});
	}

	/** Writes raw updates (history preparation), bypassing keystroke bookkeeping. */
	sendUpdate(update: Uint8Array): void {
		this.send(this.syncMessage(UPDATE, update));
	}

	bufferedAmount(): number {
		return this.ws.bufferedAmount;
	}

	close(): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
	}
}

/**
 * Pads take Tiptap's fragment only (server/collab/update-check.ts): every simulated client types in one shared
 * paragraph, written once with a fixed client id (like a pad's template), so all copies hold the same items.
 */
const SHARED_LINE = (() => {
	const doc = new Y.Doc();
	doc.clientID = 1;
	const paragraph = new Y.XmlElement('paragraph');
	doc.getXmlFragment('default').insert(0, [paragraph]);
	paragraph.insert(0, [new Y.XmlText()]);
	return Y.encodeStateAsUpdate(doc);
})();

export function sharedLine(doc: Y.Doc): Y.XmlText {
	Y.applyUpdate(doc, SHARED_LINE);
	return (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** The text of a document's first paragraph (the history's single line). */
export const firstLine = (doc: Y.Doc): string => ((doc.getXmlFragment('default').get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined)?.toString() ?? '';
