// Which items sit directly in a pad's Tiptap fragment, kept without a Y.Doc: no update may put text or attributes there.
import * as Y from 'yjs';
import { PAD_FRAGMENT } from '../shared/pad-schema';
import { collabCloseCodes } from '../shared/errors';
import { ProtocolError } from './protocol';
import { MalformedUpdate } from './update-check';

type Span = [start: number, end: number];

/** Where a struct sits: directly in the fragment (true), elsewhere (false), or not known to the room (null). */
type Placement = boolean | null;

/** Finds the struct holding `clock` among one client's structs (sorted by clock). */
function structAt(list: (Y.Item | Y.GC | Y.Skip)[] | undefined, clock: number): Y.Item | Y.GC | Y.Skip | null {
	if (!list) return null;
	let [low, high] = [0, list.length - 1];
	while (low <= high) {
		const mid = (low + high) >> 1;
		const s = list[mid]!;
		if (clock < s.id.clock) high = mid - 1;
		else if (clock >= s.id.clock + s.length) low = mid + 1;
		else return s;
	}
	return null;
}

function byClient(structs: (Y.Item | Y.GC | Y.Skip)[]) {
	const clients = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
	for (const s of structs) {
		const list = clients.get(s.id.client) ?? [];
		list.push(s);
		clients.set(s.id.client, list);
	}
	for (const list of clients.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	return clients;
}

/** Only elements and text nodes (or what was deleted) may be children of the fragment: anything else breaks Tiptap and exports. */
const fitsInFragment = (item: Y.Item) =>
	item.content instanceof Y.ContentDeleted || (item.content instanceof Y.ContentType && (item.content.type instanceof Y.XmlElement || item.content.type instanceof Y.XmlText));

export class PadShape {
	private readonly fragmentSpans = new Map<number, Span[]>();
	private readonly known = new Map<number, number>();

	/** Built from a pad's whole state (once, at the first update a loaded pad receives). */
	constructor(state: Uint8Array) {
		const { structs } = Y.decodeUpdate(state);
		const own = byClient(structs);
		this.classify(structs, own, () => null);
	}

	private inFragment(id: Y.ID): Placement {
		const spans = this.fragmentSpans.get(id.client) ?? [];
		let [low, high] = [0, spans.length - 1];
		while (low <= high) {
			const mid = (low + high) >> 1;
			const [start, end] = spans[mid]!;
			if (id.clock < start) high = mid - 1;
			else if (id.clock >= end) low = mid + 1;
			else return true;
		}
		return id.clock < (this.known.get(id.client) ?? 0) ? false : null;
	}

	/**
	 * Decides where each new struct sits (its parent is explicit, or that of its left or right neighbour), checks
	 * what lands in the fragment, and returns the decisions to record once the update is accepted.
	 */
	private classify(structs: (Y.Item | Y.GC | Y.Skip)[], own: ReturnType<typeof byClient>, check: (item: Y.Item, placement: Placement) => ProtocolError | null) {
		const decided = new Map<Y.Item | Y.GC | Y.Skip, Placement>();
		const placementOf = (start: Y.Item | Y.GC | Y.Skip): Placement => {
			const path: (Y.Item | Y.GC | Y.Skip)[] = [];
			let placement: Placement | undefined;
			for (let s: Y.Item | Y.GC | Y.Skip | null = start; placement === undefined; ) {
				if (decided.has(s!)) placement = decided.get(s!)!;
				else if (!(s instanceof Y.Item)) placement = false;
				else {
					path.push(s);
					const parent = s.parent as unknown;
					if (typeof parent === 'string') placement = parent === PAD_FRAGMENT;
					else if (parent instanceof Y.ID) placement = false;
					else {
						const neighbour: Y.ID | null = s.origin ?? s.rightOrigin;
						const next: Y.Item | Y.GC | Y.Skip | null = neighbour ? structAt(own.get(neighbour.client), neighbour.clock) : null;
						if (next && !path.includes(next)) s = next;
						else placement = neighbour && !next ? this.inFragment(neighbour) : null;
					}
				}
			}
			for (const s of path) decided.set(s, placement);
			return placement;
		};
		const accepted: { client: number; clock: number; end: number; inFragment: boolean }[] = [];
		for (const s of structs) {
			const end = s.id.clock + s.length;
			if (end <= (this.known.get(s.id.client) ?? 0)) continue; // already in the room: checked when it came
			const placement = placementOf(s);
			if (s instanceof Y.Item) {
				const refusal = check(s, placement);
				if (refusal) throw refusal;
			}
			accepted.push({ client: s.id.client, clock: s.id.clock, end, inFragment: placement === true });
		}
		for (const a of accepted) {
			this.known.set(a.client, Math.max(this.known.get(a.client) ?? 0, a.end));
			if (!a.inFragment) continue;
			const spans = this.fragmentSpans.get(a.client) ?? [];
			// Kept sorted by clock for the binary search (a client's structs come in clock order, almost always).
			const at = spans.findLastIndex(([start]) => start < a.clock) + 1;
			spans.splice(at, 0, [a.clock, a.end]);
			this.fragmentSpans.set(a.client, spans);
		}
	}

	/**
	 * Throws MalformedUpdate for an update that puts in the fragment something other than an element or a text node.
	 * Such content placed next to an item the room does not have (Yjs would hold it back, then let it land anywhere)
	 * is refused with the « resync » code instead: after a crash the server may have lost the last moments a client
	 * builds on, and its reconnection sends them along. Otherwise records where the update's items sit.
	 */
	accept(update: Uint8Array): void {
		const { structs } = Y.decodeUpdate(update);
		this.classify(structs, byClient(structs), (item, placement) => {
			if (placement === true && !fitsInFragment(item)) return new MalformedUpdate('only elements and text nodes can sit directly in a pad');
			if (placement === null && !fitsInFragment(item)) return new ProtocolError('this change builds on content the server does not have: reconnect to resync', collabCloseCodes.resync);
			return null;
		});
	}
}
