// The WebSocket endpoint at /collab/<room>: checks Origin, authenticates by session cookie, checks room access.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app';
import { readCookie, SESSION_COOKIE } from '../shared/cookies';
import { AppError, closeCodeOf, isAppError } from '../shared/errors';
import { COLLAB_PATH, parseRoom, type RoomName } from '../shared/rooms';
import type { Viewer } from '../domain/types';
import { resolveRoomAccess, type RoomAccess } from './room-access';

export type CollabOptions = { allowedOrigin: (origin: string, host: string | undefined) => boolean; maxMessageBytes: number };
export type Connection = { socket: WebSocket; viewer: Viewer | null; room: RoomName; access: RoomAccess };

export function createCollabEndpoint(app: App, options: CollabOptions) {
	const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
	const connections = new Set<Connection>();

	function refuse(socket: WebSocket, error: AppError) {
		socket.close(closeCodeOf[error.code], error.message.slice(0, 120));
	}

	function accept(socket: WebSocket, request: IncomingMessage, roomName: string) {
		const room = parseRoom(roomName);
		if (!room) return refuse(socket, new AppError('invalid', `unknown room « ${roomName.slice(0, 60)} »`));
		const token = readCookie(request.headers.cookie, SESSION_COOKIE);
		const viewer = token ? (app.sessions.validate(token)?.viewer ?? null) : null;
		let access: RoomAccess;
		try {
			access = resolveRoomAccess(app, viewer, room);
		} catch (e) {
			return refuse(socket, isAppError(e) ? e : new AppError('unavailable', 'server error'));
		}
		const connection: Connection = { socket, viewer, room, access };
		connections.add(connection);
		socket.on('close', () => connections.delete(connection));
		socket.on('error', () => socket.terminate());
	}

	app.health.set('realtime', () => ({ ok: true, detail: `${connections.size} connections` }));

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
			const roomName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
			wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, roomName));
			return true;
		},
		close() {
			for (const c of connections) c.socket.close(1001, 'server shutting down');
			wss.close();
		}
	};
}
export type CollabEndpoint = ReturnType<typeof createCollabEndpoint>;

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
