// The y-websocket wire protocol (y-protocols sync + awareness), read and written without building a Y.Doc.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { collabCloseCodes } from '../shared/errors';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
	| { type: 'sync-step1'; stateVector: Uint8Array }
	| { type: 'sync-step2'; update: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

/** Something a peer sent that closes its connection (only that one) with `closeCode` (docs/collab.md). */
export class ProtocolError extends Error {
	constructor(
		message: string,
		readonly closeCode: number = collabCloseCodes.malformedMessage
	) {
		super(message);
	}
}

/** A state vector is a count then (client, clock) pairs, nothing after: anything else would fail deep in Yjs. */
function checkStateVector(stateVector: Uint8Array): Uint8Array {
	const decoder = decoding.createDecoder(stateVector);
	const entries = decoding.readVarUint(decoder);
	for (let i = 0; i < entries; i++) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
	}
	if (decoding.hasContent(decoder)) throw new ProtocolError('malformed state vector: bytes after its end');
	return stateVector;
}

/** Decodes one message (the stock client sends exactly one per frame). Throws ProtocolError on anything else. */
export function decodeMessage(data: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new ProtocolError('malformed message: bytes after its end');
		return message;
	} catch (e) {
		// Truncated varints and arrays: lib0 throws plain errors.
		if (e instanceof ProtocolError) throw e;
		throw new ProtocolError(`malformed message: ${(e as Error).message}`);
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	if (type === MESSAGE_SYNC) {
		const sub = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (sub === SYNC_STEP1) return { type: 'sync-step1', stateVector: checkStateVector(payload) };
		if (sub === SYNC_STEP2) return { type: 'sync-step2', update: payload };
		if (sub === SYNC_UPDATE) return { type: 'update', update: payload };
		throw new ProtocolError(`unknown sync message ${sub}`);
	}
	if (type === MESSAGE_AWARENESS) return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
	if (type === MESSAGE_QUERY_AWARENESS) return { type: 'query-awareness' };
	throw new ProtocolError(`unknown message type ${type}`);
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
	message((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP1);
		encoding.writeVarUint8Array(e, stateVector);
	});

export const encodeSyncStep2 = (update: Uint8Array) =>
	message((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP2);
		encoding.writeVarUint8Array(e, update);
	});

export const encodeUpdate = (update: Uint8Array) =>
	message((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_UPDATE);
		encoding.writeVarUint8Array(e, update);
	});

export const encodeAwareness = (awarenessUpdate: Uint8Array) =>
	message((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, awarenessUpdate);
	});

/**
 * One unmasked binary WebSocket frame per message, several frames concatenated into one buffer:
 * a room's update and caret changes of one event-loop turn go out in a single socket write.
 */
export function frames(messages: Uint8Array[]): Buffer {
	let size = 0;
	for (const m of messages) size += headerLength(m.length) + m.length;
	const out = Buffer.allocUnsafe(size);
	let offset = 0;
	for (const m of messages) {
		out[offset++] = 0x82; // FIN + binary opcode
		if (m.length < 126) {
			out[offset++] = m.length;
		} else if (m.length < 65536) {
			out[offset++] = 126;
			out.writeUInt16BE(m.length, offset);
			offset += 2;
		} else {
			out[offset++] = 127;
			out.writeBigUInt64BE(BigInt(m.length), offset);
			offset += 8;
		}
		out.set(m, offset);
		offset += m.length;
	}
	return out;
}

const headerLength = (n: number) => (n < 126 ? 2 : n < 65536 ? 4 : 10);
