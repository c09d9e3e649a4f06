// One real-time document in memory: its state as merged Yjs updates (no Y.Doc), its peers, and per-turn fan-out.
import * as Y from 'yjs';
import { AwarenessRelay, encodeEntries } from './awareness-relay';
import { collabCloseCodes, isAppError } from '../shared/errors';
import { isPadLike, roomKinds, type RoomKind } from '../shared/rooms';
import type { DocStore } from './doc-store';
import { storageUnavailable } from '../domain/storage-health';
import { PadShape } from './pad-shape';
import { checkUpdate } from './update-check';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, frames, ProtocolError } from './protocol';

export type Peer = {
	readonly userId: string | null;
	readonly canWrite: boolean;
	/** Writes ready-made WebSocket frames. */
	write(buffer: Buffer): void;
	bufferedBytes(): number;
	close(code: number, reason: string): void;
	onDrain(callback: () => void): void;
	/** Awareness client ids this connection speaks for, removed when it leaves. */
	readonly awarenessClients: Set<number>;
	/** Updates held back while the socket is slow, sent merged when it drains. */
	backlog: Uint8Array[] | null;
	backlogBytes: number;
};

/** Reads a peer's update before it is applied (and sees every applied one); rooms whose peers may make any edit have none. */
export type UpdateGuard = { refuse(update: Uint8Array, authorId: string | null): string | null; applied(update: Uint8Array): void };
export type GuardFactory = (initialState: Uint8Array) => UpdateGuard;
/** Where a room reports what failed outside any caller (its fan-out turn, a slow peer catching up). */
export type FailureReport = (what: string, roomName: string, error: unknown) => void;

export type RoomLimits = { slowSocketBytes: number; maxBacklogBytes: number; compactEvery: number; versionEveryMs: number };
export const defaultRoomLimits: RoomLimits = { slowSocketBytes: 256 * 1024, maxBacklogBytes: 8 * 1024 * 1024, compactEvery: 2000, versionEveryMs: 10 * 60 * 1000 };

const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** Updates kept separate before merging them together; merging thousands at once is slow. */
const TAIL_MERGE_AT = 128;
/** A version the disk could not take is tried again after this long, not on every turn. */
const VERSION_RETRY_MS = 30_000;

/** `pad:…`, `chat:…`, `drive:…`; a name of no known kind (tests) is checked as a pad. */
const kindOf = (name: string): RoomKind => roomKinds.find((kind) => name.startsWith(`${kind}:`)) ?? 'pad';

export class Room {
	readonly peers = new Set<Peer>();
	private base: Uint8Array;
	private tail: Uint8Array[];
	private stateVector: Uint8Array | null = null;
	private readonly awareness = new AwarenessRelay();
	private readonly knownClients = new Set<number>();
	private turnUpdates: Uint8Array[] = [];
	private turnAwareness: Uint8Array[] = [];
	private turnScheduled = false;
	private updatesSinceVersion: number;
	private versionRetryAt = 0;
	private lastVersionAt = Date.now();
	/** After a failed version, the fan-out turns do not try again (and log again) before this time. */
	private retryVersionAfter = 0;
	private readonly guard: UpdateGuard | null;
	private readonly kind: RoomKind;
	/** Pads only, built at their first update after loading: which items sit directly in Tiptap's fragment. */
	private padShape: PadShape | null = null;
	/** Told of every applied update: the desk's activity feed counts them (collab/activity-feed.ts). */
	onApplied: ((room: string) => void) | null = null;

	constructor(
		readonly name: string,
		private readonly store: DocStore,
		private readonly limits: RoomLimits = defaultRoomLimits,
		guardFactory: GuardFactory | null = null,
		private readonly report: FailureReport = () => undefined
	) {
		this.kind = kindOf(name);
		const stored = store.load(name);
		this.base = stored.base ?? EMPTY_UPDATE;
		this.tail = stored.updates;
		this.updatesSinceVersion = stored.updates.length;
		for (const { client_id } of store.clientAuthors(name)) this.knownClients.add(client_id);
		this.guard = guardFactory ? guardFactory(this.state()) : null;
	}

	/** The whole document as one update; merges what arrived since the last call. */
	state(): Uint8Array {
		if (this.tail.length > 0) {
			this.base = Y.mergeUpdates([this.base, ...this.tail]);
			this.tail = [];
		}
		return this.base;
	}

	private currentStateVector(): Uint8Array {
		this.stateVector ??= Y.encodeStateVectorFromUpdate(this.state());
		return this.stateVector;
	}

	join(peer: Peer): void {
		this.peers.add(peer);
		const messages = [encodeSyncStep1(this.currentStateVector())];
		const present = this.awareness.snapshot();
		if (present) messages.push(encodeAwareness(present));
		peer.write(frames(messages));
	}

	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		const removals = this.awareness.remove(peer.awarenessClients);
		if (removals.length > 0) this.queueAwareness(removals);
	}

	/** Handles one frame; throws ProtocolError for anything malformed (the caller closes that connection only). */
	receive(peer: Peer, data: Uint8Array): void {
		const message = decodeMessage(data);
		switch (message.type) {
			case 'sync-step1': {
				// A client with nothing yet (no local copy) needs the whole document: no diff to compute.
				const isEmpty = message.stateVector.length === 1 && message.stateVector[0] === 0;
				peer.write(frames([encodeSyncStep2(isEmpty ? this.state() : Y.diffUpdate(this.state(), message.stateVector))]));
				return;
			}
			case 'sync-step2':
			case 'update': {
				// Read-only peers still answer our step 1; what they send is never applied.
				if (!peer.canWrite) return;
				// Unreadable is never fine, resync or not: the peer would send the same bytes again (MalformedUpdate).
				const clients = checkUpdate(this.kind, message.update);
				if (!this.store.health.writable) return this.refuseWhileStorageDown(message.type, message.update);
				const refusal = this.guard?.refuse(message.update, peer.userId) ?? null;
				if (refusal === null) this.applyUpdate(peer.userId, message.update, clients);
				// A live update is the peer's own doing; a resync may carry what others wrote before a crash: dropped, not fatal.
				else if (message.type === 'update') throw new ProtocolError(refusal, collabCloseCodes.refusedUpdate);
				return;
			}
			case 'awareness':
				this.receiveAwareness(peer, message.update);
				return;
			case 'query-awareness': {
				const present = this.awareness.snapshot();
				if (present) peer.write(frames([encodeAwareness(present)]));
				return;
			}
		}
	}

	/** Applies an update that did not come from a socket (a template, a restore, a promoted chat message). */
	applyServerUpdate(update: Uint8Array, authorId: string | null): void {
		if (!this.store.health.writable) throw storageUnavailable();
		this.applyUpdate(authorId, update, checkUpdate(this.kind, update));
	}

	/**
	 * While storage cannot write, nothing new is taken: the sender keeps it and sends it again when it reconnects. A
	 * resync that brings no new content (every step 2 repeats the whole delete set) is ignored, so writers may stay
	 * and read; anything new closes that connection (STORAGE_UNAVAILABLE_CLOSE_CODE, through the thrown error).
	 */
	private refuseWhileStorageDown(type: 'sync-step2' | 'update', update: Uint8Array): void {
		if (type === 'sync-step2' && !this.bringsNewContent(update)) return;
		throw storageUnavailable();
	}

	private bringsNewContent(update: Uint8Array): boolean {
		let meta: { to: Map<number, number> };
		try {
			meta = Y.parseUpdateMeta(update);
		} catch (e) {
			throw new ProtocolError(`malformed update: ${(e as Error).message}`, collabCloseCodes.malformedUpdate);
		}
		const known = Y.decodeStateVector(this.currentStateVector());
		for (const [clientId, clock] of meta.to) if (clock > (known.get(clientId) ?? 0)) return true;
		return false;
	}

	/** Once storage writes again: asks every writer for what it holds that the room lacks (what was refused meanwhile). */
	requestResync(): void {
		const step1 = frames([encodeSyncStep1(this.currentStateVector())]);
		for (const peer of this.peers) if (peer.canWrite) peer.write(step1);
	}

	/** `clients`: the Yjs client ids the update carries structs for, as `checkUpdate` proved it applicable. */
	private applyUpdate(authorId: string | null, update: Uint8Array, clients: number[]): void {
		if (update.length <= 2 && update[0] === 0 && update[1] === 0) return; // nothing new
		if (isPadLike(this.kind)) (this.padShape ??= new PadShape(this.state())).accept(update);
		const copy = update.slice(); // the frame buffer may be reused by the socket
		// First, so that a refusal (storage down, backlog full) leaves the room as it was.
		this.store.append({ room: this.name, data: copy, authorId, at: Date.now() });
		this.onApplied?.(this.name);
		for (const clientId of clients) {
			if (this.knownClients.has(clientId)) continue;
			this.knownClients.add(clientId);
			this.store.recordClient(this.name, clientId, authorId);
		}
		this.guard?.applied(copy);
		this.tail.push(copy);
		if (this.tail.length >= TAIL_MERGE_AT) this.tail = [Y.mergeUpdates(this.tail)];
		this.stateVector = null;
		this.updatesSinceVersion++;
		this.turnUpdates.push(copy);
		this.scheduleTurn();
	}

	private receiveAwareness(peer: Peer, update: Uint8Array): void {
		let fresh: Uint8Array[];
		try {
			fresh = this.awareness.apply(update, peer.awarenessClients);
		} catch (e) {
			throw new ProtocolError(`malformed awareness update: ${(e as Error).message}`);
		}
		if (fresh.length > 0) this.queueAwareness(fresh.map((raw) => raw.slice()));
	}

	private queueAwareness(entries: Uint8Array[]): void {
		this.turnAwareness.push(...entries);
		this.scheduleTurn();
	}

	private scheduleTurn(): void {
		if (this.turnScheduled) return;
		this.turnScheduled = true;
		setImmediate(() => this.flushTurn());
	}

	/** Everything a room received in one event-loop turn goes to every peer as one write of ready-made frames. */
	private flushTurn(): void {
		this.turnScheduled = false;
		const updates = this.turnUpdates;
		const awareness = this.turnAwareness;
		this.turnUpdates = [];
		this.turnAwareness = [];
		// One frame per update, all in one write: merging a turn's updates costs more than it saves (and grows
		// superlinearly when a client floods); the stock client reads one message per frame.
		const messages = updates.map(encodeUpdate);
		if (awareness.length > 0) messages.push(encodeAwareness(encodeEntries(awareness)));
		if (messages.length === 0) return;
		const batch = frames(messages);
		for (const peer of this.peers) this.deliver(peer, batch, updates);
		try {
			this.maybeSaveVersion();
		} catch (e) {
			// Runs in its own turn: thrown, it would stop the process. The updates are stored; tried again in a minute.
			this.retryVersionAfter = Date.now() + 60_000;
			this.report('version', this.name, e);
		}
	}

	private deliver(peer: Peer, batch: Buffer, updates: Uint8Array[]): void {
		if (peer.backlog === null && peer.bufferedBytes() < this.limits.slowSocketBytes) {
			peer.write(batch);
			return;
		}
		if (updates.length === 0) return; // carets of a slow peer are refreshed when it catches up
		if (peer.backlog === null) {
			peer.backlog = [];
			peer.backlogBytes = 0;
			peer.onDrain(() => this.catchUp(peer));
		}
		for (const update of updates) {
			peer.backlog.push(update);
			peer.backlogBytes += update.length;
		}
		if (peer.backlogBytes > this.limits.maxBacklogBytes) peer.close(collabCloseCodes.tooSlow, 'connection too slow; reconnect to resync');
	}

	private catchUp(peer: Peer): void {
		if (!peer.backlog || !this.peers.has(peer)) return;
		const pending = peer.backlog;
		peer.backlog = null;
		peer.backlogBytes = 0;
		let merged: Uint8Array;
		try {
			merged = Y.mergeUpdates(pending);
		} catch (e) {
			// A socket's drain event: thrown, it would stop the process. That peer resyncs by reconnecting.
			this.report('catch-up', this.name, e);
			return peer.close(collabCloseCodes.internal, 'server error; reconnect to resync');
		}
		const messages = [encodeUpdate(merged)];
		const present = this.awareness.snapshot();
		if (present) messages.push(encodeAwareness(present));
		peer.write(frames(messages));
	}

	private maybeSaveVersion(): void {
		if (!this.store.health.writable || Date.now() < Math.max(this.versionRetryAt, this.retryVersionAfter)) return;
		const due = this.updatesSinceVersion >= this.limits.compactEvery || (this.updatesSinceVersion > 0 && Date.now() - this.lastVersionAt > this.limits.versionEveryMs);
		if (!due) return;
		try {
			this.saveVersion('compaction');
		} catch (e) {
			// The update log still holds everything: compaction waits for the disk rather than stopping the relay.
			if (!isAppError(e) || e.code !== 'insufficient_storage') throw e;
			this.versionRetryAt = Date.now() + VERSION_RETRY_MS;
		}
	}

	/** Stores the current document as a version (history) and compacts the update log behind it. */
	saveVersion(reason: string): number | null {
		this.compactState();
		const id = this.store.saveSnapshot(this.name, this.state(), reason);
		this.updatesSinceVersion = 0;
		this.lastVersionAt = Date.now();
		return id;
	}

	/**
	 * Merged updates keep every keystroke as its own item (3.5 MB for a 200,000-keystroke pad); encoded from a
	 * Y.Doc the same content takes a fraction of that, and every later join diffs the smaller state.
	 */
	private compactState(): void {
		const doc = new Y.Doc({ gc: false });
		Y.applyUpdate(doc, this.state());
		this.base = Y.encodeStateAsUpdate(doc);
		this.stateVector = null;
		doc.destroy();
	}

	/**
	 * Rewrites the stored document without the content of deleted items (merged updates keep it) and, with
	 * `dropHistory`, forgets older versions: what a moderator removed is then gone from storage too.
	 * Peers already connected keep what they had received.
	 */
	purgeDeleted(options: { dropHistory: boolean }): void {
		const doc = new Y.Doc({ gc: true });
		Y.applyUpdate(doc, this.state());
		this.base = Y.encodeStateAsUpdate(doc);
		this.stateVector = null;
		doc.destroy();
		this.store.saveSnapshot(this.name, this.base, 'purge');
		if (options.dropHistory) this.store.dropOlderVersions(this.name);
		this.updatesSinceVersion = 0;
	}

	hasUnversionedUpdates(): boolean {
		return this.updatesSinceVersion > 0;
	}
}
