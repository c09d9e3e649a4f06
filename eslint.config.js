import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Where each arrow is enforced: see docs/architecture.md. Regexes, so a negative look-ahead can allow server/shared/. */
const neverSrc = { regex: '^(\\$lib|\\$app)(/|$)|^(\\.\\./)+src/', message: 'server/ never imports src/ (the SvelteKit app reaches server/ through src/lib/server, not the reverse).' };
const domainNoAdapter = {
	regex: '^(\\.\\./)+(collab|search|storage|exports|kits|demo)(/|$)|^(\\.\\./)+(app|main|runtime|bootstrap|dev)$|^(ws|meilisearch)(/|$)',
	message: 'The domain imports no adapter: declare what it needs in server/domain/ports.ts and let the adapter implement it.'
};
const sharedBrowserSafe = {
	regex: '^(node:|\\.\\./)|^(better-sqlite3|ws|meilisearch|fs|path|crypto|stream|os|child_process)(/|$)|^\\$(lib|app|server)(/|$)',
	message: 'server/shared/ must stay browser-safe: no Node built-ins, no database, no file outside server/shared/.'
};
const browserOnlyShared = {
	regex: '^\\$server/(?!shared/)|^(\\.\\./)+server/(?!shared/)|^\\$lib/server(/|$)',
	message: 'Browser code imports only $server/shared/ (contracts and DTO types), type-only imports included: move the contract to server/shared/.'
};
const routesNoAdapter = {
	regex: '^\\$server/(collab|search|storage|exports|kits)/|^\\$server/(app|main|runtime)$|^(\\.\\./)+server/',
	message: 'Routes reach the server through $lib/server (the composed app and its use cases; the server formats through $lib/server/presenters), never an adapter: expose what is missing in src/lib/server/.'
};
/** Files that run in the browser (src/lib/server/ is excluded where used). */
const browserFiles = ['src/**/*.svelte', 'src/**/*.svelte.ts', 'src/lib/**/*.ts', 'src/routes/**/+page.ts', 'src/routes/**/+layout.ts'];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links are plain hrefs: the app has no base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	// ---- Boundaries: the arrows of docs/architecture.md, each stated once here and failing `npm run lint` when broken.
	// One `no-restricted-imports` per file (a later block replaces an earlier one), so each block lists every arrow
	// its files must respect. tests/unit/lint/boundaries.test.ts proves each one still fires.
	{
		// server/ is the Node side: it must never reach into the SvelteKit app.
		files: ['server/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [neverSrc] }] }
	},
	{
		// The domain states its needs as ports (server/domain/ports.ts); adapters implement them and app.ts wires them.
		files: ['server/domain/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [neverSrc, domainNoAdapter] }] }
	},
	{
		// server/shared/ is loaded by the browser too: only the schema library, yjs, tiptap and our own shared files.
		files: ['server/shared/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [sharedBrowserSafe] }] }
	},
	{
		// Browser code: components, client modules and the route files that also run in the browser.
		files: [...browserFiles],
		ignores: ['src/lib/server/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [browserOnlyShared] }] }
	},
	{
		// Route server files call use cases through $lib/server (the composed app), never an adapter directly.
		files: ['src/routes/**/*.ts', 'src/hooks.server.ts'],
		ignores: [...browserFiles],
		rules: { 'no-restricted-imports': ['error', { patterns: [routesNoAdapter] }] }
	}
);
