// Reference: @hocuspocus/server 3.4.3 in memory, no extensions, embedded in our own 127.0.0.1 http server.
import { Hocuspocus } from '@hocuspocus/server';
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { refRoomName, type RoomFixture, type ServerUnderTest } from './types';

export async function startHocus(): Promise<ServerUnderTest> {
	const hocuspocus = new Hocuspocus({ quiet: true });
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) =>
		wss.handleUpgrade(req, socket, head, (ws) => {
			ws.on('error', () => ws.terminate());
			hocuspocus.handleConnection(ws, req);
		})
	);
	return {
		server,
		fixtures: (rooms, clientsPerRoom, kind) =>
			Array.from({ length: rooms }, (): RoomFixture => {
				const name = refRoomName(kind);
				return { name, path: `/${name}`, tokens: new Array<null>(clientsPerRoom).fill(null) };
			}),
		roomLoaded: (name) => hocuspocus.documents.has(name),
		close: async () => {
			for (const ws of wss.clients) ws.terminate();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
