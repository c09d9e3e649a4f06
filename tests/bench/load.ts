// Rooms of simulated clients: who types, when, and the bookkeeping that times every keystroke delivery,
// proves none was lost, and checks that each room's observer converged to exactly what was typed.
import * as Y from 'yjs';
import { now } from './clock';
import { SimClient, type ClientSink, type Wire } from './client';
import type { RoomFixture } from './servers/types';
import { Samples, type LatencySummary } from './stats';

/** A measurement window: keystrokes SENT in [start, end) are timed at every client that was synced when they were sent. */
export class Window {
	readonly samples = new Samples();
	expected = 0;
	delivered = 0;
	end = Infinity;
	constructor(readonly start: number) {}

	/** Latency percentiles, with every not-yet-delivered keystroke counted as infinitely late. */
	summary(): LatencySummary & { undelivered: number } {
		const undelivered = Math.max(0, this.expected - this.delivered);
		return { ...this.samples.summary(undelivered), undelivered };
	}
}

export class Recorder {
	windows: Window[] = [];
	deliveredTotal = 0;
	/** Update messages (not sync step 2) that reached tracked, synced clients: deliveredTotal ÷ this = keystrokes per message. */
	updateMessages = 0;
	awarenessTotal = 0;
	open(): Window {
		const w = new Window(now());
		this.windows.push(w);
		return w;
	}
	close(w: Window): void {
		w.end = now();
	}
	/** The window a keystroke sent at `sentAt` belongs to (windows are few and recent). */
	windowOf(sentAt: number): Window | null {
		for (let i = this.windows.length - 1; i >= 0; i--) {
			const w = this.windows[i]!;
			if (sentAt >= w.start && sentAt < w.end) return w;
			if (sentAt >= w.end) return null;
		}
		return null;
	}
}

const TYPED_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** The character a typist types at `clock`: what it typed follows from how many keystrokes it sent. */
export const charOf = (clock: number) => TYPED_ALPHABET[clock % TYPED_ALPHABET.length]!;
/** Everything a typist typed after `sent` keystrokes. */
export const typedText = (sent: number) => Array.from({ length: sent }, (_, i) => charOf(i)).join('');

export type RoomOptions = { wire: Wire; base: string; fixture: RoomFixture; recorder: Recorder };

export class RoomLoad implements ClientSink {
	readonly clients: SimClient[] = [];
	readonly typists = new Map<number, SimClient>();
	observer: SimClient | null = null;
	syncedTracked = 0;
	private readonly meta = new Map<string, number[]>();
	private tokenIndex = 0;

	constructor(readonly opts: RoomOptions) {}

	get name(): string {
		return this.opts.fixture.name;
	}

	/** Opens `count` more clients: the room's first client is its observer (unless `observer` is false), then `typists` typists, then receivers. */
	add(count: number, typists: number, observer = true, tracked = true): SimClient[] {
		const added: SimClient[] = [];
		let typistsLeft = typists;
		for (let i = 0; i < count; i++) {
			const role = observer && this.observer === null && this.clients.length === 0 ? 'observer' : typistsLeft-- > 0 ? 'typist' : 'receiver';
			const token = this.opts.fixture.tokens[this.tokenIndex++];
			if (token === undefined) throw new Error(`room ${this.name} has no credentials left`);
			const c = new SimClient({ url: this.opts.base + this.opts.fixture.path, wire: this.opts.wire, docName: this.name, token, role, sink: this, tracked });
			if (role === 'observer') this.observer = c;
			this.clients.push(c);
			added.push(c);
		}
		return added;
	}

	/** Synced typists, in the order they joined. */
	typistList(): SimClient[] {
		return [...this.typists.values()];
	}

	onSynced(client: SimClient): void {
		if (client.tracked) this.syncedTracked++;
		if (client.role === 'typist') this.typists.set(client.clientId, client);
	}

	onAwareness(): void {
		this.opts.recorder.awarenessTotal++;
	}

	private rangesOf(update: Uint8Array): number[] {
		const cacheable = update.length < 512;
		const key = cacheable ? Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1') : '';
		if (cacheable) {
			const hit = this.meta.get(key);
			if (hit) return hit;
		}
		const { from, to } = Y.parseUpdateMeta(update);
		const ranges: number[] = [];
		for (const [client, end] of to) ranges.push(client, from.get(client) ?? 0, end);
		if (cacheable) {
			if (this.meta.size > 4096) this.meta.clear();
			this.meta.set(key, ranges);
		}
		return ranges;
	}

	onUpdate(client: SimClient, update: Uint8Array, isSyncStep2: boolean, at: number): void {
		if (!client.tracked) return;
		const ranges = this.rangesOf(update);
		const recorder = this.opts.recorder;
		if (!isSyncStep2 && client.syncedAt >= 0) recorder.updateMessages++;
		for (let i = 0; i < ranges.length; i += 3) {
			const id = ranges[i]!;
			if (id === client.clientId) continue;
			const from = ranges[i + 1]!;
			const to = ranges[i + 2]!;
			const expected = client.next.get(id) ?? 0;
			if (to <= expected) continue;
			client.next.set(id, to);
			// Before sync step 2 the client may see later updates first; after it, every update must follow on.
			if (isSyncStep2 || client.syncedAt < 0) continue;
			if (from > expected) client.gaps++;
			const typist = this.typists.get(id);
			if (!typist) continue;
			for (let clock = Math.max(from, expected); clock < to; clock++) {
				const sentAt = typist.sendTimes[clock]!;
				recorder.deliveredTotal++;
				if (client.syncedAt > sentAt) continue;
				const w = recorder.windowOf(sentAt);
				if (!w) continue;
				w.delivered++;
				w.samples.add(at - sentAt);
			}
		}
	}

	/** One keystroke by `typist`, counted as expected at every client synced now. */
	keystroke(typist: SimClient, caret: boolean): void {
		typist.type(charOf(typist.sent), caret);
		const w = this.opts.recorder.windowOf(now());
		if (w) w.expected += this.syncedTracked - 1;
	}

	/** Clients (synced, tracked) still missing keystrokes, and updates that skipped some. */
	missing(): { clients: number; keystrokes: number; gaps: number } {
		let clients = 0;
		let keystrokes = 0;
		let gaps = 0;
		for (const c of this.clients) {
			if (!c.tracked || c.syncedAt < 0) continue;
			gaps += c.gaps;
			let short = 0;
			for (const t of this.typists.values()) if (t !== c) short += Math.max(0, t.sent - (c.next.get(t.clientId) ?? 0));
			if (short > 0) clients++;
			keystrokes += short;
		}
		return { clients, keystrokes, gaps };
	}

	/** The observer's document holds exactly every typist's text, in order, and nothing else. */
	convergence(): { ok: boolean; detail: string } {
		if (!this.observer?.doc) return { ok: false, detail: 'no observer' };
		if (this.observer.syncedAt < 0 || this.observer.closed) return { ok: false, detail: `observer not connected (${this.observer.closeInfo})` };
		const text = this.observer.text!;
		const byClient = new Map<number, string>();
		let item = (text as unknown as { _start: Y.Item | null })._start;
		while (item) {
			if (!item.deleted && item.content instanceof Y.ContentString) {
				byClient.set(item.id.client, (byClient.get(item.id.client) ?? '') + item.content.str);
			}
			item = item.right;
		}
		let total = 0;
		for (const t of this.typists.values()) {
			total += t.sent;
			if ((byClient.get(t.clientId) ?? '') !== t.typed) return { ok: false, detail: `typist ${t.clientId}: observer has ${(byClient.get(t.clientId) ?? '').length}/${t.typed.length} chars` };
		}
		if (text.length !== total) return { ok: false, detail: `observer length ${text.length} ≠ ${total} keystrokes` };
		return { ok: true, detail: `${total} keystrokes` };
	}

	closeAll(): void {
		for (const c of this.clients) c.close();
	}
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits for clients to sync; returns how many failed (closed, refused, timed out). */
export async function syncAll(clients: SimClient[], timeoutMs: number): Promise<{ failed: number; firstError: string }> {
	let failed = 0;
	let firstError = '';
	const deadline = sleep(timeoutMs).then(() => 'timeout' as const);
	await Promise.all(
		clients.map(async (c) => {
			const outcome = await Promise.race([c.whenSynced().then(() => 'ok' as const, (e: Error) => e.message), deadline]);
			if (outcome !== 'ok') {
				failed++;
				firstError ||= outcome;
			}
		})
	);
	return { failed, firstError };
}

/** Drives keystrokes: each active typist types about `perSecond` characters a second, at jittered intervals. */
export class Typing {
	private timer: NodeJS.Timeout | null = null;
	private readonly nextAt = new Map<SimClient, number>();
	/** Active typists per room; change it at any time. */
	active: { room: { keystroke(typist: SimClient, caret: boolean): void }; typists: SimClient[] }[] = [];
	keystrokes = 0;

	constructor(
		private readonly perSecond: number,
		private readonly caret: boolean
	) {}

	start(): void {
		if (this.timer) return;
		const interval = 1000 / this.perSecond;
		this.timer = setInterval(() => {
			const at = now();
			for (const { room, typists } of this.active) {
				for (const t of typists) {
					if (t.closed) continue;
					let due = this.nextAt.get(t);
					if (due === undefined) {
						due = at + Math.random() * interval; // spread the first keystrokes
						this.nextAt.set(t, due);
					}
					if (due > at) continue;
					room.keystroke(t, this.caret);
					this.keystrokes++;
					// Catch up at most one interval late, never in a burst.
					this.nextAt.set(t, Math.max(due, at - interval) + interval * (0.5 + Math.random()));
				}
			}
		}, 4);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		this.nextAt.clear();
	}
}

/** Waits until no tracked client misses a keystroke (or the timeout); returns what is still missing. */
export async function drain(rooms: RoomLoad[], timeoutMs: number): Promise<{ clients: number; keystrokes: number; gaps: number; waitedMs: number }> {
	const start = now();
	for (;;) {
		const total = { clients: 0, keystrokes: 0, gaps: 0 };
		for (const r of rooms) {
			const m = r.missing();
			total.clients += m.clients;
			total.keystrokes += m.keystrokes;
			total.gaps += m.gaps;
		}
		const waitedMs = now() - start;
		if (total.keystrokes === 0 || waitedMs > timeoutMs) return { ...total, waitedMs };
		await sleep(50);
	}
}

/** Opens clients room by room in batches (setup, not measured), waiting for each batch to sync. */
export async function openRooms(rooms: RoomLoad[], perRoom: number, typists: number, options: { batch?: number; observer?: boolean } = {}): Promise<{ failed: number; firstError: string }> {
	const batch = options.batch ?? 150;
	let pending: SimClient[] = [];
	let failed = 0;
	let firstError = '';
	const flush = async () => {
		const r = await syncAll(pending, 60_000);
		failed += r.failed;
		firstError ||= r.firstError;
		pending = [];
	};
	for (const room of rooms) {
		pending.push(...room.add(perRoom, typists, options.observer ?? true));
		if (pending.length >= batch) await flush();
	}
	await flush();
	return { failed, firstError };
}
