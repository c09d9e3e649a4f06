import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
	{
		// server/ is the Node side: it must never reach into the SvelteKit app.
		files: ['server/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['$lib/*', '$app/*', '../src/*', '../../src/*', '../../../src/*'], message: 'server/ never imports src/' }] }]
		}
	},
	{
		// server/shared/ is loaded by the browser too: only the schema library, yjs and our own shared files.
		files: ['server/shared/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '../*', 'better-sqlite3', 'ws'], message: 'server/shared/ must stay browser-safe' }] }]
		}
	}
);
