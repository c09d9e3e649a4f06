// Search as one component of the app: the engine (embedded child or external), the indexer, the query service, its health.
import type { DocStore } from '../collab/doc-store';
import type { Db } from '../db/open';
import type { Viewer } from '../domain/types';
import type { BlobStore } from '../domain/ports';
import { createSearchEngine } from './engine';
import { createExtractor } from './extract/extractor';
import { applyIndexSettings } from './index-settings';
import { createIndexer, type IndexerOptions } from './indexer';
import { connectMeilisearch, type MeiliConnection } from './meili-client';
import { isHealthy, MeiliUnavailableError, startMeilisearch, type MeiliProcess } from './meili-process';
import { createSearchPermissions } from './permissions';
import { createSearchService } from './search.service';
import { createSearchSources } from './sources';
import type { SearchInput, SearchResult } from '../shared/search';

export type SearchStartOptions =
	| { mode: 'embedded'; dataDir: string; binary?: string }
	| { mode: 'external'; url: string; masterKey: string }
	| { mode: 'off'; detail: string };

export function createSearch(deps: { db: Db; clock: () => number; store: DocStore; blobs: BlobStore; indexer?: IndexerOptions; log?: (line: string) => void }) {
	const log = deps.log ?? ((line: string) => console.log(line));
	const engine = createSearchEngine();
	const extractor = createExtractor({ log });
	const sources = createSearchSources({ db: deps.db, store: deps.store, blobs: deps.blobs, extractor, clock: deps.clock });
	const indexer = createIndexer({ db: deps.db, engine, sources }, { log, ...deps.indexer });
	const service = createSearchService({ db: deps.db, engine, permissions: createSearchPermissions(deps.db), clock: deps.clock });
	let child: MeiliProcess | null = null;
	let connection: MeiliConnection | null = null;
	let lastHealth = { ok: true, detail: 'starting' };

	async function connect(url: string, key: string) {
		connection = connectMeilisearch(url, key);
		await applyIndexSettings(connection.client, deps.db);
		engine.ready(connection.client, url);
		lastHealth = { ok: true, detail: 'ready' };
		indexer.start();
	}

	return {
		engine,
		indexer,
		query: (viewer: Viewer | null, input: SearchInput): Promise<SearchResult> => service.query(viewer, input),

		/** Never throws: without a search engine the app keeps working and the search page says why. */
		async start(options: SearchStartOptions): Promise<void> {
			try {
				if (options.mode === 'off') {
					engine.unavailable('not_installed', options.detail);
				} else if (options.mode === 'external') {
					if (!(await isHealthy(options.url, 3000))) throw new MeiliUnavailableError('unreachable', `Meilisearch at ${options.url} does not answer /health`);
					await connect(options.url, options.masterKey);
				} else {
					child = await startMeilisearch({ dataDir: options.dataDir, binary: options.binary });
					await connect(child.url, child.masterKey);
				}
			} catch (e) {
				const reason = e instanceof MeiliUnavailableError ? e.reason : 'unreachable';
				const detail = (e as Error).message;
				engine.unavailable(reason, detail);
				log(`Search is off: ${detail}. Everything else works.`);
			}
		},

		/** What /api/health shows; refreshed in the background so the check itself stays synchronous. */
		health(): { ok: boolean; detail?: string } {
			const state = engine.state();
			// A platform without the binary is a known, chosen state, not an outage.
			if (state.status === 'unavailable') return { ok: state.reason === 'not_installed', detail: `off (${state.reason}): ${state.detail}` };
			if (state.status === 'starting') return { ok: true, detail: 'starting' };
			void isHealthy(state.url, 1000).then((ok) => {
				const pending = indexer.pending();
				lastHealth = ok ? { ok: true, detail: pending.failures > 0 ? 'catching up' : 'ready' } : { ok: false, detail: 'Meilisearch does not answer' };
			});
			return lastHealth;
		},

		async stop() {
			await indexer.stop();
			await extractor.close();
			connection?.close();
			await child?.stop();
			child = null;
		}
	};
}
export type Search = ReturnType<typeof createSearch>;
