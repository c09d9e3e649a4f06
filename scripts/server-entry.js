// Shared by vite.config.ts and svelte.config.js: where the production server's entry travels through the build.
// adapter-node bundles a server output file of this name with the app, sharing its chunks (its door for
// instrumentation); the adapter wrapper in svelte.config.js then renames the result to build/server.js.
export const SERVER_ENTRY_CHUNK = 'instrumentation.server.js';
export const SERVER_ENTRY_FILE = 'server.js';
/** The text-extraction worker, built beside build/server.js (server/search/extract/extractor.ts looks for it there). */
export const EXTRACT_WORKER_FILE = 'extract-worker.js';
