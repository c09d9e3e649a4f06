// Production entry point, built into build/server.js: one Node process serves the SvelteKit app and the /collab WebSocket endpoint.
import http from 'node:http';
import { bootstrap, type Running } from './bootstrap';
import { compressResponses } from './http/compression';
import { ConfigError, loadConfig, type Config } from './config';
import { startupStorageFailure, STORAGE_EXIT_CODE } from './storage/startup-failure';
import { createLogger, rootLogger, setRootLogger, watchProcessErrors } from './log';

const PROTOCOL_HEADER = 'x-medialab-protocol';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

async function main() {
	let config: Config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) {
			process.stderr.write(`${e.message}\n`);
			process.exit(78); // EX_CONFIG
		}
		throw e;
	}
	// Every module that logs on its own (the SvelteKit build's hooks too) reads the same, validated level.
	process.env.LOG_LEVEL = config.logLevel;
	const log = createLogger({ level: config.logLevel });
	setRootLogger(log);
	let started: Running | null = null;
	watchProcessErrors(log, () => started?.close());
	try {
		started = await bootstrap(config);
	} catch (e) {
		// A full or read-only disk is the operator's to fix: one clear paragraph, not a stack (docs/storage.md).
		const explained = await startupStorageFailure(config.dataDir, e);
		if (!explained) throw e;
		process.stderr.write(`${explained}\n`);
		process.exit(STORAGE_EXIT_CODE);
	}
	const running: Running = started;
	// adapter-node assumes https when ORIGIN is unset; without ORIGIN we serve plain http on whatever host the
	// request names (a phone on the venue Wi-Fi uses the LAN address), so we tell it the protocol ourselves.
	if (!config.origin) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// adapter-node refuses bodies over 512 kB by default: below the CSV import and the drive's upload limit.
	process.env.BODY_SIZE_LIMIT ??= String(Math.max(2 * 1024 * 1024, config.drive.uploadMaxBytes + 64 * 1024));
	// Built into build/server.js beside the SvelteKit handler, whose modules it shares (see svelte.config.js).
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as { handler: Handler };

	const server = http.createServer((req, res) => {
		if (!config.origin) req.headers[PROTOCOL_HEADER] = 'http';
		// Pages and JSON in brotli or gzip (static assets are precompressed at build time and left as they are).
		compressResponses(req, res);
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
		const lines = [`MédiaLab is running at ${url}`, `Data directory: ${config.dataDir}`];
		if (running.demoEditionId) lines.push(`A demo edition was created: ${url}/editions/${running.demoEditionId}`);
		if (config.admin) lines.push(`Log in as admin at ${url}/login with ADMIN_USERNAME « ${config.admin.username} » and ADMIN_PASSWORD.`);
		else if (!running.app.accounts.hasAccounts()) lines.push(`No account yet: open ${url}/signup — the first account created becomes the instance admin.`);
		// A person at a terminal reads sentences; a log collector gets one structured line.
		if (process.stdout.isTTY) process.stdout.write(`${lines.join('\n')}\n`);
		else log.info({ url, dataDir: config.dataDir, demoEditionId: running.demoEditionId }, lines.join(' '));
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
	rootLogger().fatal({ err: e }, 'the server could not start');
	process.exit(1);
});
