// A load-generator process: holds its share of the bench's clients (any room may be spread over several
// generators), types for its own typists, and times every delivery to its clients. Send times of other generators'
// typists arrive over IPC (relayed by the runner); a delivery seen before its send time is known waits until it is.
import * as Y from 'yjs';
import { SimClient, type ClientSink, type Wire } from './client';
import { now } from './clock';
import { charOf, syncAll, typedText, Typing } from './load';
import type { GenReply, GenRequest, RoomRef } from './generator-protocol';
import { Samples } from './stats';

/** What this process knows of one typist of a room, local or not: its send time per clock. */
type TypistInfo = { id: number; sendTimes: Float64Array; sent: number };
type Pending = { room: GenRoom; id: number; lo: number; hi: number; at: number; syncedAt: number };
type GenWindow = { start: number; end: number; delivered: number; samples: Samples; announcedLateMs: number };

const wire = process.argv[2] as Wire;
const base = process.argv[3]!;
const windows = new Map<number, GenWindow>();
let pending: Pending[] = [];
/** Send times of local keystrokes not yet shipped: [room, typist id, clock, sent at] quadruples. */
let outbox: number[] = [];
/** `negative`: deliveries timed before their send time, which a clock not shared between processes would produce. */
const counters = { deliveredTotal: 0, updateMessages: 0, awarenessTotal: 0, keystrokes: 0, negative: 0 };
const rooms = new Map<number, GenRoom>();
let typing: Typing | null = null;

function windowOf(sentAt: number): GenWindow | null {
	for (const w of windows.values()) if (sentAt >= w.start && sentAt < w.end) return w;
	return null;
}

function account(sentAt: number, syncedAt: number, at: number): void {
	counters.deliveredTotal++;
	if (at < sentAt) counters.negative++;
	if (syncedAt > sentAt) return;
	const w = windowOf(sentAt);
	if (!w) return;
	w.delivered++;
	w.samples.add(at - sentAt);
}

function typistInfo(room: GenRoom, id: number): TypistInfo {
	let info = room.typists.get(id);
	if (!info) room.typists.set(id, (info = { id, sendTimes: new Float64Array(256), sent: 0 }));
	return info;
}

function recordSendTime(info: TypistInfo, clock: number, at: number): void {
	if (clock >= info.sendTimes.length) {
		const bigger = new Float64Array(Math.max(info.sendTimes.length * 2, clock + 1));
		bigger.set(info.sendTimes);
		info.sendTimes = bigger;
	}
	info.sendTimes[clock] = at;
	if (clock + 1 > info.sent) info.sent = clock + 1;
}

/** The first clock sent at or after `time` (a typist's send times only grow: one monotonic clock). */
function firstAtOrAfter(t: TypistInfo, time: number): number {
	let lo = 0;
	let hi = t.sent;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (t.sendTimes[mid]! < time) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function resolvePending(): void {
	if (pending.length === 0) return;
	const left: Pending[] = [];
	for (const p of pending) {
		const info = p.room.typists.get(p.id);
		if (!rooms.has(p.room.no)) continue;
		if (!info || info.sent < p.hi) {
			left.push(p);
			continue;
		}
		for (let clock = p.lo; clock < p.hi; clock++) account(info.sendTimes[clock]!, p.syncedAt, p.at);
	}
	pending = left;
}

class GenRoom implements ClientSink {
	readonly clients: SimClient[] = [];
	/** Every typist of the room this process has heard of (its own and the other generators'). */
	readonly typists = new Map<number, TypistInfo>();
	/** This process's typists, by their rank in the room (the runner's "first k typists"). */
	readonly localTypists = new Map<SimClient, number>();
	observer: SimClient | null = null;
	private readonly meta = new Map<string, number[]>();
	constructor(readonly no: number, readonly name: string, readonly path: string) {}

	onSynced(client: SimClient): void {
		if (client.role !== 'typist') return;
		typistInfo(this, client.clientId);
		process.send!({ event: 'typist', room: this.no, id: client.clientId } satisfies GenReply);
	}

	onAwareness(): void {
		counters.awarenessTotal++;
	}

	private rangesOf(update: Uint8Array): number[] {
		const cacheable = update.length < 512;
		const key = cacheable ? Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1') : '';
		const hit = cacheable ? this.meta.get(key) : undefined;
		if (hit) return hit;
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
		if (!isSyncStep2 && client.syncedAt >= 0) counters.updateMessages++;
		for (let i = 0; i < ranges.length; i += 3) {
			const id = ranges[i]!;
			if (id === client.clientId) continue;
			const from = ranges[i + 1]!;
			const to = ranges[i + 2]!;
			const expected = client.next.get(id) ?? 0;
			if (to <= expected) continue;
			client.next.set(id, to);
			if (isSyncStep2 || client.syncedAt < 0) continue;
			if (from > expected) client.gaps++;
			const lo = Math.max(from, expected);
			const info = this.typists.get(id);
			if (info && info.sent >= to) for (let clock = lo; clock < to; clock++) account(info.sendTimes[clock]!, client.syncedAt, at);
			else pending.push({ room: this, id, lo, hi: to, at, syncedAt: client.syncedAt });
		}
	}

	keystroke(typist: SimClient, caret: boolean): void {
		const clock = typist.type(charOf(typist.sent), caret);
		const at = typist.sendTimes[clock]!;
		recordSendTime(typistInfo(this, typist.clientId), clock, at);
		outbox.push(this.no, typist.clientId, clock, at);
		counters.keystrokes++;
	}

	/** Keystrokes of the window that each local synced client should have received (it was synced when they were sent). */
	expectedIn(w: GenWindow): number {
		let expected = 0;
		for (const c of this.clients) {
			if (!c.tracked || c.syncedAt < 0) continue;
			for (const t of this.typists.values()) {
				if (t.id === c.clientId) continue;
				expected += Math.max(0, firstAtOrAfter(t, w.end) - firstAtOrAfter(t, Math.max(w.start, c.syncedAt)));
			}
		}
		return expected;
	}

	missing(): { clients: number; keystrokes: number; gaps: number; closed: number } {
		const m = { clients: 0, keystrokes: 0, gaps: 0, closed: 0 };
		for (const c of this.clients) {
			if (c.closed) m.closed++;
			if (!c.tracked || c.syncedAt < 0) continue;
			m.gaps += c.gaps;
			let short = 0;
			for (const t of this.typists.values()) if (t.id !== c.clientId) short += Math.max(0, t.sent - (c.next.get(t.id) ?? 0));
			if (short > 0) m.clients++;
			m.keystrokes += short;
		}
		return m;
	}

	/** The observer's document holds exactly every typist's text (wherever it typed), in order, and nothing else. */
	convergence(): { ok: boolean; detail: string } {
		const o = this.observer!;
		if (o.syncedAt < 0 || o.closed) return { ok: false, detail: `observer not connected (${o.closeInfo})` };
		const byClient = new Map<number, string>();
		let item = (o.text as unknown as { _start: Y.Item | null })._start;
		while (item) {
			if (!item.deleted && item.content instanceof Y.ContentString) byClient.set(item.id.client, (byClient.get(item.id.client) ?? '') + item.content.str);
			item = item.right;
		}
		let total = 0;
		for (const t of this.typists.values()) {
			total += t.sent;
			const has = byClient.get(t.id) ?? '';
			if (has !== typedText(t.sent)) return { ok: false, detail: `typist ${t.id}: observer has ${has.length}/${t.sent} chars` };
		}
		if (o.text!.length !== total) return { ok: false, detail: `observer length ${o.text!.length} ≠ ${total} keystrokes` };
		return { ok: true, detail: `${total} keystrokes` };
	}

	close(): void {
		for (const c of this.clients) c.close();
	}
}

function roomOf(ref: RoomRef): GenRoom {
	let room = rooms.get(ref.no);
	if (!room) rooms.set(ref.no, (room = new GenRoom(ref.no, ref.name, ref.path)));
	return room;
}

function flushOutbox(): void {
	if (outbox.length === 0) return;
	process.send!({ event: 'sendTimes', entries: Float64Array.from(outbox) } satisfies GenReply);
	outbox = [];
}

function receiveSendTimes(entries: Float64Array): void {
	for (let i = 0; i < entries.length; i += 4) {
		const room = rooms.get(entries[i]!);
		if (room) recordSendTime(typistInfo(room, entries[i + 1]!), entries[i + 2]!, entries[i + 3]!);
	}
	resolvePending();
}

async function handle(req: GenRequest): Promise<unknown> {
	switch (req.cmd) {
		case 'add': {
			const room = roomOf(req.room);
			const added = req.clients.map((spec) => {
				const c = new SimClient({ url: base + room.path, wire, docName: room.name, token: spec.token, role: spec.role, sink: room, tracked: spec.tracked });
				if (spec.role === 'observer') room.observer = c;
				if (spec.role === 'typist') room.localTypists.set(c, spec.rank);
				room.clients.push(c);
				return c;
			});
			return syncAll(added, 60_000);
		}
		case 'typist': {
			const room = rooms.get(req.room);
			if (room) typistInfo(room, req.id);
			return resolvePending();
		}
		case 'sendTimes':
			return receiveSendTimes(req.entries);
		case 'typing': {
			if (!typing || req.restart) {
				typing?.stop();
				typing = new Typing(req.perSecond, req.caret);
			}
			typing.active = req.active.flatMap(({ room: no, count }) => {
				const room = rooms.get(no);
				if (!room) return [];
				const typists = [...room.localTypists].filter(([c, rank]) => rank < count && c.syncedAt >= 0).map(([c]) => c);
				return typists.length ? [{ room, typists }] : [];
			});
			typing.start();
			return true;
		}
		case 'stopTyping':
			typing?.stop();
			typing = null;
			return true;
		case 'window': {
			const t = now();
			windows.set(req.window, { start: req.start, end: Infinity, delivered: 0, samples: new Samples(), announcedLateMs: Math.max(0, t - req.start) });
			return t;
		}
		case 'closeWindow': {
			const w = windows.get(req.window);
			if (w) w.end = req.end;
			return Math.max(0, now() - req.end);
		}
		case 'flush':
			return flushOutbox();
		case 'summary': {
			const w = windows.get(req.window);
			if (!w) throw new Error(`no window ${req.window}`);
			windows.delete(req.window);
			let expected = 0;
			for (const room of rooms.values()) expected += room.expectedIn(w);
			return { samples: w.samples.values(), delivered: w.delivered, expected, announcedLateMs: w.announcedLateMs, pending: pending.length };
		}
		case 'cpu':
			return { ...process.cpuUsage(), at: now() };
		case 'counters':
			return { ...counters, pending: pending.length };
		case 'missing': {
			const m = { clients: 0, keystrokes: 0, gaps: 0, closed: 0 };
			for (const r of rooms.values()) {
				const x = r.missing();
				m.clients += x.clients;
				m.keystrokes += x.keystrokes;
				m.gaps += x.gaps;
				m.closed += x.closed;
			}
			return m;
		}
		case 'convergence':
			return [...rooms.values()].filter((r) => r.observer).map((r) => ({ room: r.no, name: r.name, ...r.convergence() }));
		case 'closeRoom': {
			const room = rooms.get(req.room);
			room?.close();
			rooms.delete(req.room);
			return true;
		}
		case 'leave': {
			// People leaving: this generator's receivers of the room (never the observer or a typist), the last joined first.
			const room = rooms.get(req.room);
			if (!room || req.count <= 0) return 0;
			const leaving = room.clients.filter((c) => c.role === 'receiver').slice(-req.count);
			for (const c of leaving) c.close();
			const gone = new Set(leaving);
			room.clients.splice(0, room.clients.length, ...room.clients.filter((c) => !gone.has(c)));
			return leaving.length;
		}
		case 'exit':
			for (const r of rooms.values()) r.close();
			setTimeout(() => process.exit(0), 20);
			return true;
	}
}

setInterval(flushOutbox, 10).unref();
process.on('disconnect', () => process.exit(0));
// Never outlive the runner (which also stops its children by disconnecting).
setTimeout(() => process.exit(3), Number(process.env.BENCH_CHILD_MAX_MS ?? 30 * 60_000)).unref();
process.on('message', (req: GenRequest) => {
	handle(req).then(
		(result) => req.id !== undefined && process.send!({ id: req.id, result } satisfies GenReply),
		(e: Error) => req.id !== undefined && process.send!({ id: req.id, error: e.stack ?? String(e) } satisfies GenReply)
	);
});
process.send!({ event: 'ready' } satisfies GenReply);
