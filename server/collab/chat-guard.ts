// Checks what a chat peer sends: appends of its own well-formed messages only (no edits, deletions or borrowed names).
import * as Y from 'yjs';
import { chatMessages, parseChatEntry } from '../shared/chat-doc';
import type { UpdateGuard } from './room';

const ONLY_APPEND = 'peers may only append messages to the chat';
const NO_DELETE = 'chat messages cannot be deleted or edited by peers';
const AT_THE_END = 'a message can only be added after the others';
const CLOCK = 'a message’s time must be the server’s: check the device’s clock';

/** How far a message's time may be from the server's clock (devices drift; a forged time is refused). */
export const CHAT_CLOCK_TOLERANCE_MS = 2 * 60_000;
/**
 * Two people sending at the same instant both append after the same last message, and Yjs orders them by client
 * id: one may land before a message the server already has. Allowed only before messages this recent.
 */
export const CHAT_SIMULTANEOUS_MS = 10_000;

const offClock = (at: number, now: number) => Math.abs(at - now) > CHAT_CLOCK_TOLERANCE_MS;

/** The update does something the struct reading below does not model: decided by replaying it instead. */
const REPLAY = Symbol('replay');
type Place = 'messages' | 'elsewhere' | typeof REPLAY;
type Fresh = { clock: number; end: number; place: Place };

/**
 * The only place a chat room's content is read on the live path. The guard keeps one Y.Doc per loaded room that
 * mirrors the accepted state, and reads each incoming update's structs against it, so a check costs the size of
 * the update, not of the chat. Moderation and the archive are the server's own updates: they reach `applied`
 * without being checked.
 */
export function createChatGuard(initialState: Uint8Array): UpdateGuard {
	const mirror = new Y.Doc();
	Y.applyUpdate(mirror, initialState);

	function refuse(update: Uint8Array, authorId: string | null): string | null {
		let verdict: string | null | typeof REPLAY;
		try {
			verdict = inspect(mirror, update, authorId);
		} catch (e) {
			return `malformed update: ${(e as Error).message}`;
		}
		return verdict === REPLAY ? replayOnCopy(mirror, update, authorId) : verdict;
	}

	return {
		refuse,
		applied: (update) => Y.applyUpdate(mirror, update)
	};
}

/**
 * Decides from the update's structs alone, with the same rules as `replayOnCopy`: refusals about a message's
 * content come first, then changes outside the message list, then deletions (the order the replay reports them).
 * Returns REPLAY for what Yjs would split, hold back or turn into garbage (gaps, partial overlaps, references to
 * collected or missing content, a mirror with pending structs): rare, and then the replay decides.
 */
function inspect(mirror: Y.Doc, update: Uint8Array, authorId: string | null): string | null | typeof REPLAY {
	const store = mirror.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]>; pendingStructs: unknown; pendingDs: unknown };
	if (store.pendingStructs || store.pendingDs) return REPLAY;
	const messages = chatMessages(mirror);
	const messagesKey = Y.findRootTypeKey(messages);
	const { structs, ds } = Y.decodeUpdate(update);
	const known = (client: number) => Y.getState(mirror.store, client);
	const reached = new Map<number, number>();
	const fresh = new Map<number, Fresh[]>();
	const now = Date.now();
	/** The last item of the message list (deleted or not): where an append's origin points. */
	let end = lastIdOf(messages);
	let content: string | null = null;
	let position: string | null = null;
	let shape: string | null = null;
	let deletion: string | null = null;

	/** Where an item a new struct refers to lives: among this update's new structs, or in the mirror. */
	function placeOfId(id: Y.ID): Place {
		const own = fresh.get(id.client) ?? [];
		// Newest first: a struct usually follows the one just before it.
		for (let i = own.length - 1; i >= 0; i--) if (own[i]!.clock <= id.clock && id.clock < own[i]!.end) return own[i]!.place;
		if (id.clock >= known(id.client)) return REPLAY;
		const list = store.clients.get(id.client)!;
		const struct = list[Y.findIndexSS(list as never, id.clock)]!;
		if (!(struct instanceof Y.Item)) return REPLAY;
		return struct.parent === messages && struct.parentSub === null ? 'messages' : 'elsewhere';
	}

	function placeOf(item: Y.Item): Place {
		// Yjs holds an item back while a neighbour is missing, and turns it into garbage when one was collected.
		const left = item.origin ? placeOfId(item.origin) : null;
		const right = item.rightOrigin ? placeOfId(item.rightOrigin) : null;
		if (left === REPLAY || right === REPLAY) return REPLAY;
		const parent = item.parent as unknown;
		if (typeof parent === 'string') return parent === messagesKey && item.parentSub === null ? 'messages' : 'elsewhere';
		// Inside a nested type: chat entries are plain JSON, so this is never a message (unless Yjs would hold it back).
		if (parent instanceof Y.ID) return placeOfId(parent) === REPLAY ? REPLAY : 'elsewhere';
		return left ?? right ?? REPLAY;
	}

	for (const struct of structs) {
		const { client, clock } = struct.id;
		const from = reached.get(client) ?? known(client);
		if (clock + struct.length <= from) continue; // already in the room: a resync repeats what it has
		if (clock !== from || struct instanceof Y.Skip) return REPLAY;
		reached.set(client, clock + struct.length);
		if (!(struct instanceof Y.Item)) continue; // collected content changes nothing
		const place = placeOf(struct);
		if (place === REPLAY) return REPLAY;
		const list = fresh.get(client) ?? [];
		list.push({ clock, end: clock + struct.length, place });
		fresh.set(client, list);
		if (place === 'elsewhere') shape ??= ONLY_APPEND;
		else if (struct.content instanceof Y.ContentDeleted) deletion ??= NO_DELETE;
		else if (struct.content.isCountable()) {
			for (const value of struct.content.getContent()) {
				const entry = parseChatEntry(value);
				if (!entry || 'hidden' in entry) content ??= 'not a chat message';
				else if (entry.authorId !== authorId) content ??= 'a message must carry its own author';
				else if (offClock(entry.at, now)) content ??= CLOCK;
			}
			// An append has nothing on its right; one whose left is not the last item raced another: the replay places it.
			if (struct.rightOrigin !== null) position ??= AT_THE_END;
			else if (!sameId(struct.origin, end)) return REPLAY;
			end = Y.createID(client, clock + struct.length - 1);
		}
	}

	for (const [client, ranges] of ds.clients) {
		const before = known(client);
		const after = reached.get(client) ?? before;
		for (const { clock, len } of ranges) {
			const end = clock + len;
			if (end > after) return REPLAY; // deletes what the room does not have yet: Yjs keeps it pending
			if (end > before) deletion ??= NO_DELETE; // deletes what this very update inserts
			if (clock >= before) continue;
			const list = store.clients.get(client)!;
			for (let i = Y.findIndexSS(list as never, clock); i < list.length && list[i]!.id.clock < Math.min(end, before); i++) {
				if (!list[i]!.deleted) deletion ??= NO_DELETE;
			}
		}
	}
	return content ?? position ?? shape ?? deletion;
}

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock);

function lastIdOf(list: Y.Array<unknown>): Y.ID | null {
	let item = list._start;
	while (item?.right) item = item.right;
	return item ? Y.createID(item.id.client, item.id.clock + item.length - 1) : null;
}

/** Entries a new item landed before; allowed when they all came within CHAT_SIMULTANEOUS_MS (a race, not a rewrite). */
function landedBeforeOld(item: Y.Item, added: Set<Y.Item>, now: number): boolean {
	for (let next = item.right; next; next = next.right) {
		if (next.deleted || added.has(next)) continue;
		for (const value of next.content.getContent()) {
			const entry = parseChatEntry(value);
			if (!entry || entry.at < now - CHAT_SIMULTANEOUS_MS) return true;
		}
	}
	return false;
}

/**
 * The reference check: applies the update to a copy of the mirror and watches what changes. It costs a copy of
 * the whole chat, so it only decides the updates `inspect` leaves to it.
 */
function replayOnCopy(mirror: Y.Doc, update: Uint8Array, authorId: string | null): string | null {
	const probe = new Y.Doc();
	Y.applyUpdate(probe, Y.encodeStateAsUpdate(mirror));
	const now = Date.now();
	let content: string | null = null;
	let position: string | null = null;
	let refusal: string | null = null;
	probe.on('afterTransaction', (tr: Y.Transaction) => {
		for (const type of tr.changed.keys()) if (type !== chatMessages(probe)) refusal ??= ONLY_APPEND;
		if (tr.deleteSet.clients.size > 0) refusal ??= NO_DELETE;
	});
	chatMessages(probe).observe((event) => {
		for (const change of event.changes.delta) {
			for (const value of change.insert instanceof Array ? change.insert : []) {
				const entry = parseChatEntry(value);
				if (!entry || 'hidden' in entry) content ??= 'not a chat message';
				else if (entry.authorId !== authorId) content ??= 'a message must carry its own author';
				else if (offClock(entry.at, now)) content ??= CLOCK;
			}
		}
		const added = event.changes.added;
		for (const item of added) {
			if (item.deleted) continue;
			if (item.rightOrigin !== null || landedBeforeOld(item, added, now)) position ??= AT_THE_END;
		}
	});
	try {
		Y.applyUpdate(probe, update);
	} catch (e) {
		refusal ??= `malformed update: ${(e as Error).message}`;
	}
	probe.destroy();
	return content ?? position ?? refusal;
}

/** For tests: the same two decisions, so they can be compared on the same updates. */
export const chatGuardInternals = { inspect, replayOnCopy, REPLAY };
