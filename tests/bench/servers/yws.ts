// Reference: @y/websocket-server 0.1.1 in memory (no YPERSISTENCE), on a plain `ws` server.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { refRoomName, type RoomFixture, type ServerUnderTest } from './types';

export async function startYws(): Promise<ServerUnderTest> {
	delete process.env.YPERSISTENCE; // read at import time
	const { setupWSConnection, docs } = await import('@y/websocket-server/utils');
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)));
	return {
		server,
		fixtures: (rooms, clientsPerRoom, kind) =>
			Array.from({ length: rooms }, (): RoomFixture => {
				const name = refRoomName(kind);
				return { name, path: `/${name}`, tokens: new Array<null>(clientsPerRoom).fill(null) };
			}),
		roomLoaded: (name) => docs.has(name),
		close: async () => {
			for (const ws of wss.clients) ws.terminate();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
