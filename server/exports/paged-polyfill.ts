// paged.js' browser polyfill (npm `pagedjs`, MIT), read once from the installed package and served beside the print booklet.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/** The minified polyfill: it paginates the booklet in the reader's browser (margin boxes, string-set, target-counter). */
export function pagedPolyfill(): string {
	// The package's `exports` map hides dist/ from `resolve`: its entry (lib/index.cjs) is found, dist/ is its sibling.
	const entry = createRequire(import.meta.url).resolve('pagedjs');
	cached ??= fs.readFileSync(path.join(path.dirname(entry), '..', 'dist', 'paged.polyfill.min.js'), 'utf8');
	return cached;
}
