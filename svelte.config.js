import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import fs from 'node:fs';
import path from 'node:path';
import { EXTRACT_WORKER_FILE, SERVER_ENTRY_CHUNK, SERVER_ENTRY_FILE } from './scripts/server-entry.js';

/**
 * adapter-node, plus the production server's entry (emitted into the server build by vite.config.ts) bundled in the
 * same pass as the SvelteKit handler: one copy of every module, and `node build/server.js` runs it, no loader needed.
 * The entry goes in through adapter-node's instrumentation input; its `instrument` step (which would make
 * build/index.js import it first) is skipped, since build/server.js is the entry point.
 */
function medialabAdapter() {
	const node = adapter({ out: 'build' });
	return {
		...node,
		name: 'medialab-adapter-node',
		/** @param {import('@sveltejs/kit').Builder} builder */
		async adapt(builder) {
			const entry = path.join(builder.getServerDirectory(), SERVER_ENTRY_CHUNK);
			if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: the medialab-server-entry Vite plugin did not run`);
			const withServerEntry = Object.create(builder, {
				hasServerInstrumentationFile: { value: () => true },
				instrument: { value: () => {} }
			});
			await node.adapt(withServerEntry);
			for (const suffix of ['', '.map']) {
				const built = path.join('build', SERVER_ENTRY_CHUNK + suffix);
				if (fs.existsSync(built)) fs.renameSync(built, path.join('build', SERVER_ENTRY_FILE + suffix));
			}
			if (!fs.existsSync(path.join('build', SERVER_ENTRY_FILE))) {
				throw new Error(`build/${SERVER_ENTRY_FILE} was not produced: adapter-node no longer bundles its instrumentation input; see svelte.config.js`);
			}
			// Read at run time next to build/server.js: the SQL migrations, and the text-extraction worker (a thread of
			// its own, so a bundle of its own).
			fs.cpSync('server/db/migrations', 'build/migrations', { recursive: true });
			const { build } = await import('esbuild');
			await build({
				entryPoints: ['server/search/extract/worker.ts'],
				outfile: `build/${EXTRACT_WORKER_FILE}`,
				bundle: true,
				platform: 'node',
				format: 'esm',
				target: 'node20',
				packages: 'external',
				sourcemap: true,
				logLevel: 'warning'
			});
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: medialabAdapter(),
		alias: { $server: 'server' },
		csrf: { trustedOrigins: [] },
		// No third-party origin, ever: fonts, scripts and images are self-hosted.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
