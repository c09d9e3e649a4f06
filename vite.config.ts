import { sveltekit } from '@sveltejs/kit/vite';
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

export default defineConfig({
	plugins: [sveltekit(), medialabDevServer()],
	server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		pool: 'forks'
	}
});
