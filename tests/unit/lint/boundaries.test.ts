// The import arrows of docs/architecture.md, proven on small virtual files through ESLint's own API: a rule that stops firing fails here.
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

/** The boundary messages ESLint reports for `code` as if it lived at `file` (relative to the repository root). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const svelteImporting = (specifier: string) => `<script lang="ts">\n\timport type { X } from '${specifier}';\n\tlet { x }: { x: X } = $props();\n</script>\n\n<p>{x}</p>\n`;

// The first lint loads the whole configuration and its plugins: seconds on a busy 2-core machine, not a hang.
vi.setConfig({ testTimeout: 30_000 });

beforeAll(() => {
	// The type-aware parser needs files on disk; import rules do not, so virtual .svelte files parse without it.
	eslint = new ESLint({
		cwd: root,
		overrideConfig: { files: ['**/*.svelte', '**/*.svelte.ts'], languageOptions: { parserOptions: { projectService: false } } }
	});
});

describe('browser code imports only server/shared', () => {
	it('refuses a component module importing a domain type, even type-only', async () => {
		const errors = await boundaryErrors('src/lib/components/pad/fixture.ts', "import type { PadView } from '$server/domain/pads/pads.service';\nexport type A = PadView;\n");
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('$server/shared/');
	});

	it('refuses a .svelte component importing an adapter', async () => {
		expect(await boundaryErrors('src/lib/components/search/Fixture.svelte', svelteImporting('$server/search/search'))).toHaveLength(1);
	});

	it('refuses a browser route file reaching server/ by a relative path', async () => {
		const code = "import { x } from '../../../server/exports/open-data';\nexport const load = () => ({ x });\n";
		expect(await boundaryErrors('src/routes/archive/fixture/+page.ts', code)).toHaveLength(1);
	});

	it('refuses a client component importing $lib/server', async () => {
		expect(await boundaryErrors('src/routes/fixture/+page.svelte', svelteImporting('$lib/server/app'))).toHaveLength(1);
	});

	it('lets browser code import a shared contract', async () => {
		expect(await boundaryErrors('src/lib/components/search/Fixture.svelte', svelteImporting('$server/shared/search'))).toEqual([]);
		expect(await boundaryErrors('src/lib/components/pad/fixture.ts', "import type { PadView } from '$server/shared/pad-views';\nexport type A = PadView;\n")).toEqual([]);
	});

	it('leaves src/lib/server free to import server modules', async () => {
		expect(await boundaryErrors('src/lib/server/fixture.ts', "export { createApp } from '$server/app';\n")).toEqual([]);
	});
});

describe('the domain imports no adapter', () => {
	it('refuses a domain module importing the collab layer', async () => {
		const errors = await boundaryErrors('server/domain/pads/fixture.ts', "import type { Room } from '../../collab/room';\nexport type R = Room;\n");
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('ports.ts');
	});

	it('refuses storage, search, exports and kits, the composition root, ws and meilisearch', async () => {
		for (const specifier of ['../../storage/local-blob-store', '../../search/indexer', '../../exports/zip', '../../kits/kit-zip', '../../app', '../../main', 'ws', 'meilisearch']) {
			const errors = await boundaryErrors('server/domain/files/fixture.ts', `import * as m from '${specifier}';\nexport const x = m;\n`);
			expect(errors, specifier).toHaveLength(1);
		}
	});

	it('lets the domain import its ports, other domain modules, the database and shared contracts', async () => {
		const code = "import type { BlobStore } from '../ports';\nimport type { Db } from '../../db/open';\nimport { AppError } from '../../shared/errors';\nimport type { PadRow } from '../pads/pads.repo';\nexport type T = [BlobStore, Db, AppError, PadRow];\n";
		expect(await boundaryErrors('server/domain/files/fixture.ts', code)).toEqual([]);
	});

	it('still keeps the domain out of src/', async () => {
		expect(await boundaryErrors('server/domain/pads/fixture.ts', "import { x } from '$lib/x';\nexport const y = x;\n")).toHaveLength(1);
	});
});

describe('server/shared stays browser-safe', () => {
	it('refuses Node built-ins, the database and files outside shared/', async () => {
		for (const specifier of ['node:fs', 'better-sqlite3', '../db/open', 'ws']) {
			const errors = await boundaryErrors('server/shared/fixture.ts', `import * as m from '${specifier}';\nexport const x = m;\n`);
			expect(errors, specifier).toHaveLength(1);
		}
	});

	it('lets shared import zod, yjs and its own files', async () => {
		const code = "import { z } from 'zod';\nimport * as Y from 'yjs';\nimport { licences } from './vocabulary';\nexport const x = [z, Y, licences];\n";
		expect(await boundaryErrors('server/shared/fixture.ts', code)).toEqual([]);
	});
});

describe('route server files go through $lib/server', () => {
	it('refuses a +server.ts importing an adapter or the app module', async () => {
		for (const specifier of ['$server/collab/room-access', '$server/search/indexer', '$server/storage/local-blob-store', '$server/app']) {
			const errors = await boundaryErrors('src/routes/fixture/+server.ts', `import * as m from '${specifier}';\nexport const GET = () => new Response(String(m));\n`);
			expect(errors, specifier).toHaveLength(1);
		}
	});

	it('refuses the server formats (exports, kits) and relative paths into server/, which go through $lib/server/presenters', async () => {
		for (const specifier of ['$server/exports/open-data', '$server/exports/static-site/build', '$server/kits/kit-view', '../../../server/exports/zip']) {
			const errors = await boundaryErrors('src/routes/archive/fixture/+server.ts', `import * as m from '${specifier}';\nexport const GET = () => new Response(String(m));\n`);
			expect(errors, specifier).toHaveLength(1);
			expect(errors[0]).toContain('presenters');
		}
		expect(await boundaryErrors('src/routes/archive/fixture/+server.ts', "import { zipFiles } from '$lib/server/presenters';\nexport const GET = () => new Response(String(zipFiles));\n")).toEqual([]);
		expect(await boundaryErrors('src/lib/server/fixture.ts', "export { zipFiles } from '$server/exports/zip';\n")).toEqual([]);
	});

	it('refuses a +page.server.ts importing the search adapter, and allows the shared search contract', async () => {
		expect(await boundaryErrors('src/routes/search/+page.server.ts', "import { search } from '$server/search/search';\nexport const load = () => ({ search });\n")).toHaveLength(1);
		expect(await boundaryErrors('src/routes/search/+page.server.ts', "import { searchFacets } from '$server/shared/search';\nexport const load = () => ({ searchFacets });\n")).toEqual([]);
	});

	it('lets routes use $lib/server and domain functions', async () => {
		const code = "import { resolveRoomAccess } from '$lib/server/room-access';\nimport { csvColumns } from '$server/domain/programme/csv-import';\nexport const load = () => ({ resolveRoomAccess, csvColumns });\n";
		expect(await boundaryErrors('src/routes/fixture/+page.server.ts', code)).toEqual([]);
	});
});
