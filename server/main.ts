// Production entry point: one Node process serves the built SvelteKit app and the /collab WebSocket endpoint.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootstrap, type Running } from './bootstrap';
import { ConfigError, loadConfig, type Config } from './config';
import { startupStorageFailure, STORAGE_EXIT_CODE } from './storage/startup-failure';

const PROTOCOL_HEADER = 'x-medialab-protocol';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

async function main() {
	let config: Config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) {
			console.error(e.message);
			process.exit(78); // EX_CONFIG
		}
		throw e;
	}
	let running: Running;
	try {
		running = await bootstrap(config);
	} catch (e) {
		// A full or read-only disk is the operator's to fix: one clear paragraph, not a stack (docs/storage.md).
		const explained = await startupStorageFailure(config.dataDir, e);
		if (!explained) throw e;
		console.error(explained);
		process.exit(STORAGE_EXIT_CODE);
	}
	// adapter-node assumes https when ORIGIN is unset; without ORIGIN we serve plain http on whatever host the
	// request names (a phone on the venue Wi-Fi uses the LAN address), so we tell it the protocol ourselves.
	if (!config.origin) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// adapter-node refuses bodies over 512 kB by default: below the CSV import and the drive's upload limit.
	process.env.BODY_SIZE_LIMIT ??= String(Math.max(2 * 1024 * 1024, config.drive.uploadMaxBytes + 64 * 1024));
	const handlerFile = pathToFileURL(path.resolve('build/handler.js')).href;
	const { handler } = (await import(handlerFile)) as { handler: Handler };

	const server = http.createServer((req, res) => {
		if (!config.origin) req.headers[PROTOCOL_HEADER] = 'http';
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	server.on('upgrade', (req, socket, head) => {
		if (!running.collab.handleUpgrade(req, socket, head)) socket.destroy();
	});
	server.listen(config.port, config.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		const url = config.origin ?? `http://${config.host}:${port}`;
		if (config.logLevel === 'silent') return;
		console.log(`MédiaLab is running at ${url}`);
		console.log(`Data directory: ${config.dataDir}`);
		if (running.demoEditionId) console.log(`A demo edition was created: ${url}/editions/${running.demoEditionId}`);
		if (config.admin) console.log(`Log in as admin at ${url}/login with ADMIN_USERNAME « ${config.admin.username} » and ADMIN_PASSWORD.`);
		else if (!running.app.accounts.hasAccounts()) console.log(`No account yet: open ${url}/signup — the first account created becomes the instance admin.`);
	});

	const shutdown = async () => {
		server.close();
		// Meilisearch gets its SIGTERM and a moment to stop cleanly before the process exits.
		await running.app.search.stop().catch(() => {});
		running.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
