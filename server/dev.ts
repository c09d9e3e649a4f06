// Development entry point, loaded by the Vite plugin: same bootstrap, WebSocket endpoint on Vite's own server.
import type { Server as HttpServer } from 'node:http';
import { bootstrap, type Running } from './bootstrap';
import { loadConfig } from './config';

let running: Promise<Running> | undefined;

export async function attachToDevServer(httpServer: HttpServer): Promise<void> {
	running ??= bootstrap(loadConfig());
	const { collab } = await running;
	// Leave every other upgrade (Vite's HMR socket) to its own handler.
	httpServer.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
}
