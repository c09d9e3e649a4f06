// A real collab endpoint on an ephemeral port plus stock y-websocket clients, for the real-time tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabPortsOf, createApp, type App } from '../../../server/app';
import { createCollabEndpoint, sameOrigin, type CollabEndpoint, type MessageRate } from '../../../server/collab/endpoint';
import type { RoomLimits } from '../../../server/collab/room';
import { openDatabase, type Db } from '../../../server/db/open';
import type { DocStoreOptions } from '../../../server/collab/doc-store';

export type Harness = { app: App; db: Db; collab: CollabEndpoint; url: string; close: () => Promise<void> };

export async function startHarness(
	options: {
		db?: Db;
		maxMessageBytes?: number;
		idleUnloadMs?: number;
		accessCheckIntervalMs?: number;
		messageRate?: MessageRate;
		upkeepEveryMs?: number;
		limits?: RoomLimits;
		docStore?: DocStoreOptions;
	} = {}
): Promise<Harness> {
	const db = options.db ?? openDatabase(':memory:');
	const app = createApp({ db, rooms: { idleUnloadMs: options.idleUnloadMs ?? 50, upkeepEveryMs: options.upkeepEveryMs, limits: options.limits }, docStore: options.docStore });
	const collab = createCollabEndpoint(collabPortsOf(app), {
		allowedOrigin: sameOrigin(undefined),
		maxMessageBytes: options.maxMessageBytes ?? 1_000_000,
		accessCheckIntervalMs: options.accessCheckIntervalMs,
		messageRate: options.messageRate
	});
	const server = http.createServer();
	server.on('upgrade', (req, socket, head) => {
		if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		app,
		db,
		collab,
		url: `ws://127.0.0.1:${port}/collab`,
		close: async () => {
			collab.close();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

/** A stock y-websocket client, as a third-party script would use it: session cookie, no BroadcastChannel. */
export function connectClient(url: string, room: string, sessionToken: string | null, doc = new Y.Doc()) {
	const headers = sessionToken ? { cookie: `ml_session=${sessionToken}` } : {};
	class AuthenticatedWebSocket extends WebSocket {
		constructor(address: string) {
			super(address, { headers });
		}
	}
	const provider = new WebsocketProvider(url, room, doc, {
		WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return { doc, provider };
}

export function synced(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve) => {
		if (provider.synced) return resolve();
		provider.once('sync', (isSynced: boolean) => isSynced && resolve());
	});
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	// A check may read what is not there yet (a document before its first sync): that is « not yet ».
	const holds = async () => {
		try {
			return await check();
		} catch {
			return false;
		}
	};
	while (!(await holds())) {
		if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for condition');
		await new Promise((r) => setTimeout(r, 10));
	}
}

export type RawSocket = { ws: WebSocket; received: Buffer[]; closed: Promise<{ code: number; reason: string }>; closedWith: () => number | null };

/** A raw socket, to send what a stock client never would. */
export function rawSocket(url: string, token: string | null): Promise<RawSocket> {
	const ws = new WebSocket(url, { headers: token ? { cookie: `ml_session=${token}` } : {} });
	const received: Buffer[] = [];
	let code: number | null = null;
	ws.on('message', (m) => received.push(m as Buffer));
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.on('close', (c, reason) => {
			code = c;
			resolve({ code: c, reason: reason.toString() });
		})
	);
	return new Promise((resolve, reject) => {
		ws.once('open', () => resolve({ ws, received, closed, closedWith: () => code }));
		ws.once('error', reject);
	});
}
