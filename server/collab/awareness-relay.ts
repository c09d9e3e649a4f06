// Keeps each room's latest awareness entry per client as raw bytes: relayed and replayed without parsing JSON.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const isNullJson = (bytes: Uint8Array, at: number) => bytes[at] === 0x6e && bytes[at + 1] === 0x75 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x6c;

type Entry = { clock: number; raw: Uint8Array; isNull: boolean };

/** Awareness update layout: varUint count, then per client varUint id, varUint clock, varString JSON state. */
export function readEntries(update: Uint8Array): { clientId: number; clock: number; raw: Uint8Array; isNull: boolean }[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries = [];
	for (let i = 0; i < count; i++) {
		const start = decoder.pos;
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const length = decoding.readVarUint(decoder);
		// 'null' is the 4-byte JSON a client sends when it leaves.
		const isNull = length === 4 && isNullJson(update, decoder.pos);
		if (decoder.pos + length > update.length) throw new Error('awareness entry overruns the message');
		decoder.pos += length;
		entries.push({ clientId, clock, raw: update.subarray(start, decoder.pos), isNull });
	}
	return entries;
}

export function encodeEntries(raws: Uint8Array[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, raws.length);
	for (const raw of raws) encoding.writeUint8Array(encoder, raw);
	return encoding.toUint8Array(encoder);
}

export function encodeRemoval(clientId: number, clock: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, clientId);
	encoding.writeVarUint(encoder, clock);
	encoding.writeVarString(encoder, 'null');
	return encoding.toUint8Array(encoder);
}

export class AwarenessRelay {
	private readonly states = new Map<number, Entry>();

	/** Applies an update; returns the entries that are newer than what we had (to relay), or throws if malformed. */
	apply(update: Uint8Array, owned: Set<number>): Uint8Array[] {
		const fresh: Uint8Array[] = [];
		for (const e of readEntries(update)) {
			const current = this.states.get(e.clientId);
			if (current && current.clock > e.clock) continue;
			if (e.isNull) this.states.delete(e.clientId);
			else this.states.set(e.clientId, { clock: e.clock, raw: e.raw.slice(), isNull: false });
			if (e.isNull) owned.delete(e.clientId);
			else owned.add(e.clientId);
			fresh.push(e.raw);
		}
		return fresh;
	}

	/** Removal entries for the clients a closed connection controlled. */
	remove(clientIds: Iterable<number>): Uint8Array[] {
		const removals: Uint8Array[] = [];
		for (const id of clientIds) {
			const current = this.states.get(id);
			if (!current) continue;
			this.states.delete(id);
			removals.push(encodeRemoval(id, current.clock + 1));
		}
		return removals;
	}

	/** Everyone's current state, for a client that just joined; null when nobody is there. */
	snapshot(): Uint8Array | null {
		return this.states.size === 0 ? null : encodeEntries([...this.states.values()].map((e) => e.raw));
	}

	get size(): number {
		return this.states.size;
	}
}
