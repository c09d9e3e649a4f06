import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { SERVER_ENTRY_CHUNK } from './scripts/server-entry.js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Starts the app's services and the /collab WebSocket endpoint inside `vite dev`, as server/main.ts does in production. */
function medialabDevServer(): Plugin {
	return {
		name: 'medialab-dev-server',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer) return;
			const dev = (await server.ssrLoadModule('/server/dev.ts')) as typeof import('./server/dev');
			await dev.attachToDevServer(server.httpServer as import('node:http').Server);
		}
	};
}

/**
 * Puts the production server's entry (server/main.ts) into SvelteKit's own server build, so the app's modules exist
 * once in the built server; the adapter (svelte.config.js) carries it into build/server.js.
 */
function medialabServerEntry(): Plugin {
	let ssr = false;
	return {
		name: 'medialab-server-entry',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		buildStart() {
			if (ssr) this.emitFile({ type: 'chunk', id: path.resolve('server/main.ts'), fileName: SERVER_ENTRY_CHUNK });
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), medialabDevServer(), medialabServerEntry()],
	server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		// Tests assert on the logger through spies; its lines would only bury the report.
		env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }
	}
});
