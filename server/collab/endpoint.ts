// The WebSocket endpoint at /collab/<room>: checks Origin, authenticates by session cookie, checks room access, then serves y-websocket.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app';
import { readCookie, SESSION_COOKIE } from '../shared/cookies';
import { ACCESS_CHANGED_CLOSE_CODE, AppError, closeCodeOf, collabCloseCodes, isAppError } from '../shared/errors';
import { COLLAB_PATH, formatRoom, parseRoom, type RoomName } from '../shared/rooms';
import type { Viewer } from '../domain/types';
import { ProtocolError } from './protocol';
import type { Peer, Room } from './room';
import { resolveRoomAccess } from './room-access';
import { createRoomFacts } from './room-facts';
import { rootLogger } from '../log';

export type CollabOptions = {
	allowedOrigin: (origin: string, host: string | undefined) => boolean;
	maxMessageBytes: number;
	/** Simultaneous connections one session may hold (a phone with a few tabs, not a script flooding the room). */
	maxConnectionsPerSession?: number;
	pingIntervalMs?: number;
	/** How often pad connections are checked against the workshop's closure (pads lock after the slot). */
	accessCheckIntervalMs?: number;
	/** Messages one session may send over all its connections: a sustained rate and a burst (figures in docs/collab.md). */
	messageRate?: MessageRate;
};

export type MessageRate = { perSecond: number; burst: number };
/** Fast typing is 20–30 updates/s plus as many awareness messages, in a few tabs; joining sends a handful more. */
export const defaultMessageRate: MessageRate = { perSecond: 200, burst: 400 };

/** A token bucket: full at `burst`, refilled at `perSecond`, one token per message. */
type Bucket = { tokens: number; at: number };

type Connection = {
	socket: WebSocket;
	peer: Peer;
	room: Room;
	roomName: RoomName;
	viewer: Viewer | null;
	sessionKey: string | null;
	bucket: Bucket;
	alive: boolean;
};

/** Writes ready-made frames straight to the TCP socket: one syscall per batch instead of one per message. */
function createPeer(socket: WebSocket, viewer: Viewer | null, canWrite: boolean): Peer {
	const raw = (socket as unknown as { _socket?: Socket })._socket;
	return {
		userId: viewer?.id ?? null,
		canWrite,
		awarenessClients: new Set(),
		backlog: null,
		backlogBytes: 0,
		write: (buffer) => {
			if (socket.readyState !== socket.OPEN) return;
			if (raw) raw.write(buffer);
			else socket.send(buffer);
		},
		bufferedBytes: () => (raw ? raw.writableLength : socket.bufferedAmount),
		close: (code, reason) => socket.close(code, reason),
		onDrain: (callback) => (raw ? raw.once('drain', callback) : setTimeout(callback, 50))
	};
}

/** A failed lookup (a pad deleted meanwhile) must not stop the endpoint's timers. */
function safely<T>(read: () => T, fallback: T): T {
	try {
		return read();
	} catch {
		return fallback;
	}
}

export function createCollabEndpoint(app: App, options: CollabOptions) {
	const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
	const { rooms } = app;
	const connections = new Set<Connection>();
	const perSession = new Map<string, number>();
	const maxPerSession = options.maxConnectionsPerSession ?? 32;
	const rate = options.messageRate ?? defaultMessageRate;
	// Kept after a session's last socket closes until it would be full again, so reconnecting does not refill it.
	const buckets = new Map<string, Bucket>();
	// A reconnect storm asks the same questions again and again: answered once while nothing deciding them changed.
	const facts = createRoomFacts({
		db: app.db,
		clock: app.clock,
		validateSession: (token) => app.sessions.validate(token),
		resolveAccess: (viewer, room) => resolveRoomAccess(app, viewer, room),
		padLocked: (padId) => app.workshopClosure.padLocked(padId)
	});

	function take(bucket: Bucket): boolean {
		const now = performance.now();
		bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) * rate.perSecond) / 1000);
		bucket.at = now;
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	function bucketOf(sessionKey: string | null): Bucket {
		const fresh = () => ({ tokens: rate.burst, at: performance.now() });
		if (!sessionKey) return fresh();
		let bucket = buckets.get(sessionKey);
		if (!bucket) buckets.set(sessionKey, (bucket = fresh()));
		return bucket;
	}

	function refuse(socket: WebSocket, error: AppError) {
		socket.close(closeCodeOf[error.code], closeReason(error.message));
	}

	/** Scripts without a cookie present a short-lived token from GET /api/collab-token (docs/collab.md). */
	function viewerFromRoomToken(request: IncomingMessage, roomName: string): Viewer | null {
		const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
		const userId = token ? app.roomTokens.verify(token, roomName) : null;
		return userId ? app.accounts.getViewer(userId) : null;
	}

	/** Open pads and whether their workshop had locked them at the last check (or when their first person came in). */
	let padLocks = new Map<string, boolean>();

	function accept(socket: WebSocket, request: IncomingMessage, roomName: string) {
		const room = parseRoom(roomName);
		if (!room) return refuse(socket, new AppError('invalid', `unknown room « ${roomName.slice(0, 60)} »`));
		const token = readCookie(request.headers.cookie, SESSION_COOKIE);
		const ask = facts.forConnection();
		const session = token ? ask.session(token) : null;
		const viewer = session?.viewer ?? viewerFromRoomToken(request, roomName);
		let canWrite: boolean;
		try {
			canWrite = ask.access(viewer, room) === 'write';
		} catch (e) {
			return refuse(socket, isAppError(e) ? e : new AppError('unavailable', 'server error'));
		}
		let target: Room;
		try {
			target = rooms.get(formatRoom(room));
		} catch (e) {
			// A room that cannot load refuses its own connections only; the client retries later (4503 is not final).
			rootLogger().error({ component: 'collab', room: formatRoom(room), err: e }, 'loading the room failed');
			return refuse(socket, new AppError('unavailable', 'this document could not be opened; retrying'));
		}
		// Limits are per session: a whole venue shares one IP address, so anonymous readers are not counted together.
		const sessionKey = session?.sessionId ?? null;
		if (sessionKey) {
			const count = perSession.get(sessionKey) ?? 0;
			if (count >= maxPerSession) {
				rooms.released(target);
				return refuse(socket, new AppError('rate_limited', 'too many connections from this session'));
			}
			perSession.set(sessionKey, count + 1);
		}

		if (room.kind === 'pad' && !padLocks.has(room.id)) padLocks.set(room.id, safely(() => ask.padLocked(room.id), false));
		const peer = createPeer(socket, viewer, canWrite);
		// Anonymous readers have no session: each connection gets its own bucket.
		const connection: Connection = { socket, peer, room: target, roomName: room, viewer, sessionKey, bucket: bucketOf(sessionKey), alive: true };
		connections.add(connection);
		socket.on('message', (data, isBinary) => receive(connection, data as Buffer, isBinary));
		socket.on('pong', () => (connection.alive = true));
		socket.on('close', () => release(connection));
		socket.on('error', () => socket.terminate());
		target.join(peer);
	}

	function receive(connection: Connection, data: Buffer, isBinary: boolean) {
		if (connection.socket.readyState !== connection.socket.OPEN) return; // closing: it resyncs when it reconnects
		if (!take(connection.bucket)) return connection.socket.close(collabCloseCodes.slowDown, 'too many messages: slow down and reconnect');
		if (!isBinary) return connection.socket.close(closeCodeOf.invalid, 'binary y-websocket messages only');
		try {
			connection.room.receive(connection.peer, data);
		} catch (e) {
			if (e instanceof ProtocolError) return connection.socket.close(e.closeCode, closeReason(e.message));
			// Storage down (4507): the update was not taken; the writer keeps it and reconnects (docs/storage.md).
			if (isAppError(e)) return connection.socket.close(closeCodeOf[e.code], closeReason(e.message));
			rootLogger().error({ component: 'collab', room: connection.room.name, err: e }, 'message failed');
			connection.socket.close(collabCloseCodes.internal, 'server error');
		}
	}

	function release(connection: Connection) {
		if (!connections.delete(connection)) return;
		if (connection.sessionKey) {
			const left = (perSession.get(connection.sessionKey) ?? 1) - 1;
			if (left > 0) perSession.set(connection.sessionKey, left);
			else perSession.delete(connection.sessionKey);
		}
		connection.room.leave(connection.peer);
		rooms.released(connection.room);
	}

	// Phones that lost the venue Wi-Fi never say goodbye: ping, and drop those that do not answer.
	const pinger = setInterval(() => {
		const now = performance.now();
		for (const [key, bucket] of buckets) if (!perSession.has(key) && bucket.tokens + ((now - bucket.at) * rate.perSecond) / 1000 >= rate.burst) buckets.delete(key);
		for (const c of connections) {
			if (!c.alive) {
				c.socket.terminate();
				continue;
			}
			c.alive = false;
			c.socket.ping();
		}
	}, options.pingIntervalMs ?? 30_000);
	pinger.unref();

	// A pad locks when its workshop's slot (plus the edition's delay) is over, or when a facilitator closes or reopens
	// it: people already connected are closed with ACCESS_CHANGED_CLOSE_CODE and reconnect with their new access.
	// Each check costs one query per open pad; only when a pad's lock flipped are its people's rights resolved again.
	const accessChecker = setInterval(() => {
		const now = new Map<string, boolean>();
		const flipped = new Set<string>();
		for (const c of connections) {
			if (c.roomName.kind !== 'pad' || now.has(c.roomName.id)) continue;
			const locked = safely(() => app.workshopClosure.padLocked(c.roomName.id), false);
			now.set(c.roomName.id, locked);
			if (padLocks.has(c.roomName.id) && padLocks.get(c.roomName.id) !== locked) flipped.add(c.roomName.id);
		}
		padLocks = now;
		if (flipped.size === 0) return;
		for (const c of connections) {
			if (c.roomName.kind !== 'pad' || !flipped.has(c.roomName.id)) continue;
			let canWrite: boolean | AppError;
			try {
				canWrite = resolveRoomAccess(app, c.viewer, c.roomName) === 'write';
			} catch (e) {
				canWrite = isAppError(e) ? e : new AppError('unavailable', 'server error');
			}
			if (canWrite instanceof AppError) refuse(c.socket, canWrite);
			else if (canWrite !== c.peer.canWrite) c.socket.close(ACCESS_CHANGED_CLOSE_CODE, 'access changed: reconnect');
		}
	}, options.accessCheckIntervalMs ?? 15_000);
	accessChecker.unref();

	app.health.set('realtime', () => ({ ok: true, detail: `${connections.size} connections, ${rooms.rooms.size} rooms in memory` }));

	return {
		connections,
		/** Returns false when the request is not for this endpoint, so other upgrade handlers (Vite's HMR) can take it. */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
			const url = new URL(request.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(COLLAB_PATH)) return false;
			const origin = request.headers.origin;
			if (origin !== undefined && !options.allowedOrigin(origin, request.headers.host)) {
				socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
				return true;
			}
			let roomName: string;
			try {
				roomName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
			} catch {
				roomName = '';
			}
			wss.handleUpgrade(request, socket, head, (ws) => {
				try {
					accept(ws, request, roomName);
				} catch (e) {
					// Nothing a client sends may take the process down.
					rootLogger().error({ component: 'collab', err: e }, 'upgrade failed');
					ws.terminate();
				}
			});
			return true;
		},
		close() {
			clearInterval(pinger);
			clearInterval(accessChecker);
			for (const c of connections) c.socket.close(collabCloseCodes.restarting, 'server restarting');
			rooms.closeAll();
			wss.close();
		}
	};
}
export type CollabEndpoint = ReturnType<typeof createCollabEndpoint>;

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
export function closeReason(message: string): string {
	let reason = message;
	while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
	return reason;
}

/** Same-origin rule: the configured ORIGIN, or else the Host the request came to. */
export function sameOrigin(configured: string | undefined) {
	return (origin: string, host: string | undefined) => {
		if (configured) return origin === configured;
		try {
			return host !== undefined && new URL(origin).host === host;
		} catch {
			return false;
		}
	};
}
