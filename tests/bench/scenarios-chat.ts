// (chat) The workshop chat: 30 rooms × 30 clients, one message per second per room, over real `chat:<workshopId>`
// rooms; every delivery timed (send → each other client sees it) and every message accounted for after a grace period.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { appendChatMessage, chatMessages, newChatMessageId, parseChatEntry, type ChatMessage } from '../../server/shared/chat-doc';
import { SimClient, type ClientSink } from './client';
import { beginMeasure, endMeasure, logMeasured, profiled, saturationNote, withServer, type Ctx, type Measured } from './kit';
import { Recorder, sleep, type Window } from './load';
import type { RoomFixture } from './servers/types';
import { ms, Samples, serverLabel, type ServerKind } from './stats';

/** One chat participant: a full Y.Doc kept in sync by a client speaking the server's protocol. */
type Chatter = { doc: Y.Doc; userId: string; name: string; synced: Promise<void>; isSynced: () => boolean; disconnects: () => number; closeInfo: () => string; close(): void };

const LOCAL = Symbol('local');
const noSink: ClientSink = { onSynced: () => undefined, onUpdate: () => undefined, onAwareness: () => undefined };

/** The stock y-websocket browser client, given a `ws` socket that carries this participant's session cookie. */
function stockChatter(base: string, fixture: RoomFixture, index: number): Chatter {
	const doc = new Y.Doc();
	const token = fixture.tokens[index];
	const headers = token ? { cookie: `ml_session=${token}` } : {};
	class SessionSocket extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers, perMessageDeflate: false });
		}
	}
	const cut = fixture.path.lastIndexOf('/');
	const provider = new WebsocketProvider(base + fixture.path.slice(0, cut), fixture.path.slice(cut + 1), doc, {
		WebSocketPolyfill: SessionSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 2000
	});
	let disconnects = 0;
	let closeInfo = '';
	provider.on('connection-close', (event) => {
		disconnects++;
		closeInfo = event ? `${event.code} ${event.reason}` : 'closed locally';
	});
	const synced = new Promise<void>((resolve) => provider.on('sync', (isSynced: boolean) => isSynced && resolve()));
	return {
		doc,
		userId: fixture.userIds?.[index] ?? `ref-${index}`,
		name: `Participant ${index + 1}`,
		synced,
		isSynced: () => provider.synced,
		disconnects: () => disconnects,
		closeInfo: () => closeInfo,
		close: () => provider.destroy()
	};
}

/** Hocuspocus frames name their document: no stock y-websocket client speaks that, so the bench's own client does, with a full Y.Doc. */
function hocusChatter(base: string, fixture: RoomFixture, index: number): Chatter {
	const client = new SimClient({ url: base + fixture.path, wire: 'hocus', docName: fixture.name, token: fixture.tokens[index] ?? null, role: 'observer', sink: noSink });
	const doc = client.doc!;
	doc.on('update', (update: Uint8Array, origin: unknown) => origin === LOCAL && client.sendUpdate(update));
	let synced = false;
	return {
		doc,
		userId: `ref-${index}`,
		name: `Participant ${index + 1}`,
		synced: client.whenSynced().then(() => void (synced = true)),
		isSynced: () => synced && !client.closed,
		disconnects: () => (client.closed ? 1 : 0),
		closeInfo: () => client.closeInfo,
		close: () => client.close()
	};
}

type Sent = { room: number; at: number; expected: number; received: number; lastAt: number; window: Window | null };

/** A room of chatters, each observing its own copy of the message list to time every delivery. */
class ChatRoom {
	readonly chatters: Chatter[] = [];
	readonly sentIds: string[] = [];
	private timer: NodeJS.Timeout | null = null;

	constructor(
		readonly index: number,
		readonly fixture: RoomFixture,
		private readonly sent: Map<string, Sent>,
		private readonly onDelivery: (s: Sent, at: number) => void
	) {}

	open(kind: ServerKind, base: string, count: number): void {
		for (let i = 0; i < count; i++) {
			const chatter = kind === 'hocus' ? hocusChatter(base, this.fixture, i) : stockChatter(base, this.fixture, i);
			chatMessages(chatter.doc).observe((event) => {
				if (event.transaction.local) return;
				const at = performance.now();
				for (const change of event.changes.delta) {
					for (const value of Array.isArray(change.insert) ? change.insert : []) {
						const s = this.sent.get(parseChatEntry(value)?.id ?? '');
						if (s) this.onDelivery(s, at);
					}
				}
			});
			this.chatters.push(chatter);
		}
	}

	/** A random participant says something, through its own document: the client sends the update as any browser would. */
	say(window: Window | null, prefill = false): void {
		const from = Math.floor(Math.random() * this.chatters.length);
		const chatter = this.chatters[from]!;
		const others = this.chatters.filter((c, i) => i !== from && c.isSynced()).length;
		const message: ChatMessage = {
			v: 1,
			id: newChatMessageId(),
			authorId: chatter.userId,
			authorName: chatter.name,
			text: `Message ${this.sentIds.length + 1} : on garde la grille des communs pour l'atelier de demain, et on relit ensemble à 14 h ?`,
			at: Date.now(),
			...(this.sentIds.length > 0 && Math.random() < 0.2 ? { replyTo: this.sentIds.at(-1)! } : {})
		};
		this.sentIds.push(message.id);
		if (!prefill) this.sent.set(message.id, { room: this.index, at: performance.now(), expected: others, received: 0, lastAt: 0, window });
		if (window && !prefill) window.expected += others;
		chatter.doc.transact(() => appendChatMessage(chatter.doc, message), LOCAL);
	}

	start(recorder: Recorder): void {
		const tick = () => this.say(recorder.windowOf(performance.now()));
		// Rooms talk out of phase, like real ones.
		this.timer = setTimeout(() => {
			tick();
			this.timer = setInterval(tick, 1000);
		}, Math.random() * 1000);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	/** Every copy holds every message of the room, in the same order: the ids read from each document. */
	converged(): { ok: boolean; detail: string } {
		const reference = chatMessages(this.chatters[0]!.doc).toArray().map((v) => parseChatEntry(v)?.id ?? '?');
		if (reference.length !== this.sentIds.length) return { ok: false, detail: `${reference.length} entries for ${this.sentIds.length} messages sent` };
		const want = new Set(this.sentIds);
		if (reference.some((id) => !want.has(id))) return { ok: false, detail: 'an entry that was never sent, or an invalid one' };
		for (const c of this.chatters) {
			const ids = chatMessages(c.doc).toArray().map((v) => parseChatEntry(v)?.id ?? '?');
			if (ids.join() !== reference.join()) return { ok: false, detail: `${c.name}'s copy differs (${ids.length} entries)` };
		}
		return { ok: true, detail: '' };
	}

	close(): void {
		this.stop();
		for (const c of this.chatters) c.close();
	}
}

type ChatResult = { m: Measured; complete: number; lost: number; disconnects: number };

/** (chat) 30 rooms × 30 participants, one message per second per room, after a history of messages in each room. */
export async function scenarioChat(ctx: Ctx): Promise<void> {
	const roomsCount = ctx.quick ? 10 : 30;
	const perRoom = 30;
	// A realistic history: a chat guard whose cost grew with the size of the chat would show here.
	const history = ctx.quick ? 50 : 150;
	const windowMs = ctx.quick ? 10_000 : 30_000;
	const results: Partial<Record<ServerKind, ChatResult>> = {};
	for (const kind of ctx.servers) {
		await withServer(ctx, kind, 'chat', async (sut) => {
			const sent = new Map<string, Sent>();
			const complete = new Samples();
			const onDelivery = (s: Sent, at: number) => {
				s.received++;
				s.lastAt = at;
				if (s.window) {
					s.window.samples.add(at - s.at);
					s.window.delivered++;
					if (s.received === s.expected) complete.add(at - s.at);
				}
			};
			// Every stock provider registers a process exit handler.
			process.setMaxListeners(Math.max(process.getMaxListeners(), roomsCount * perRoom + 20));
			const fixtures = await sut.fixtures(roomsCount, perRoom, 'chat');
			const rooms = fixtures.map((f, i) => new ChatRoom(i, f, sent, onDelivery));
			const t0 = performance.now();
			for (const room of rooms) room.open(kind, sut.base, perRoom);
			const all = rooms.flatMap((r) => r.chatters);
			const joined = await Promise.race([Promise.all(all.map((c) => c.synced)).then(() => true), sleep(60_000).then(() => false)]);
			const syncedCount = all.filter((c) => c.isSynced()).length;
			console.log(`    ${all.length} participants joined ${rooms.length} chats in ${(performance.now() - t0).toFixed(0)} ms${joined ? '' : ` (only ${syncedCount} synced after 60 s)`}`);
			for (const room of rooms) for (let i = 0; i < history; i++) room.say(null, true);
			await waitUntil(() => rooms.every((r) => r.chatters.every((c) => chatMessages(c.doc).length >= history)), 30_000);
			console.log(`    each chat holds ${history} earlier messages; now 1 message/s per room`);

			const recorder = new Recorder();
			for (const room of rooms) room.start(recorder);
			await sleep(2000);
			const { measured } = await profiled(ctx, sut, 'chat', async () => {
				const begin = await beginMeasure(sut);
				const w = recorder.open();
				await sleep(windowMs);
				return { measured: await endMeasure(sut, begin, w, () => recorder.close(w)) };
			});
			for (const room of rooms) room.stop();
			// Grace period: whatever has not arrived 5 s after the last message is lost.
			const inFlight = () => [...sent.values()].some((s) => s.received < s.expected);
			await waitUntil(() => !inFlight(), 5000);
			const m = measured();
			let lost = 0;
			for (const s of sent.values()) lost += Math.max(0, s.expected - s.received);
			const disconnects = all.reduce((n, c) => n + c.disconnects(), 0);
			const perMessage = complete.summary();
			logMeasured(`${rooms.length} chats, ${[...sent.values()].filter((s) => s.window).length} messages in ${windowMs / 1000} s`, m);
			console.log(`      every other participant had the message: p50 ${ms(perMessage.p50)}, p99 ${ms(perMessage.p99)}; lost deliveries (after 5 s grace): ${lost}; disconnects: ${disconnects}`);

			const label = serverLabel[kind];
			const firstClose = all.find((c) => c.disconnects() > 0)?.closeInfo() ?? '';
			ctx.report.check('chat', `${label}: every participant joined`, joined, `${syncedCount}/${all.length}`);
			ctx.report.check('chat', `${label}: no chat message lost`, lost === 0, lost === 0 ? `${sent.size} messages × their room's other participants` : `${lost} deliveries missing after 5 s`);
			ctx.report.check('chat', `${label}: no participant disconnected (the chat guard refused nothing)`, disconnects === 0, disconnects ? `${disconnects}; first: ${firstClose}` : '');
			let converged = 0;
			let firstBad = '';
			for (const room of rooms) {
				const c = room.converged();
				if (c.ok) converged++;
				else firstBad ||= `${room.fixture.name}: ${c.detail}`;
			}
			ctx.report.check('chat', `${label}: every chat converged`, converged === rooms.length, converged === rooms.length ? `${rooms.length}/${rooms.length} rooms, ${history} + new messages each` : `${converged}/${rooms.length}; ${firstBad}`);
			results[kind] = { m, complete: perMessage.p99, lost, disconnects };
			for (const room of rooms) room.close();
		});
	}
	const pick = (f: (r: ChatResult) => number) => Object.fromEntries(Object.entries(results).map(([k, r]) => [k, f(r)]));
	const notes = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, [k === 'ours' ? 'chat guard + SQLite' : 'no guard, in memory', saturationNote(r.m)].filter(Boolean).join(', ')]));
	ctx.report.figure({ scenario: 'chat', name: 'chat delivery p50', values: pick((r) => r.m.latency.p50), format: ms });
	ctx.report.figure({ scenario: 'chat', name: 'chat delivery p95', values: pick((r) => r.m.latency.p95), format: ms });
	ctx.report.figure({ scenario: 'chat', name: 'chat delivery p99', values: pick((r) => r.m.latency.p99), format: ms, notes });
	ctx.report.figure({ scenario: 'chat', name: 'chat message seen by all others p99', values: pick((r) => r.complete), format: ms });
	ctx.report.figure({ scenario: 'chat', name: 'chat deliveries lost', values: pick((r) => r.lost), format: (v) => String(v) });
	ctx.report.figure({ scenario: 'chat', name: 'chat server CPU', values: pick((r) => r.m.serverCpuShare * 100), format: (v) => `${v.toFixed(0)}% of a core` });
	const ours = results.ours;
	if (ours) ctx.report.target('chat', 'chat delivery p99 ≤ 100 ms with no loss', ours.m.latency.p99 <= 100 && ours.lost === 0, `p99 ${ms(ours.m.latency.p99)}, ${ours.lost} lost`);
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
	const until = performance.now() + timeoutMs;
	while (!done() && performance.now() < until) await sleep(50);
}
