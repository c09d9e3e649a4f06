// Search as one component of the app: the engine (embedded child or external), the indexer, the query service, its health.
import type { DocStore } from '../collab/doc-store';
import type { Db } from '../db/open';
import type { Viewer } from '../domain/types';
import type { BlobStore } from '../domain/ports';
import { rootLogger } from '../log';
import { createSearchEngine } from './engine';
import { createExtractor } from './extract/extractor';
import { applyIndexSettings } from './index-settings';
import { createIndexer, type IndexerOptions } from './indexer';
import { connectMeilisearch, type MeiliConnection } from './meili-client';
import { isHealthy, MeiliUnavailableError, startMeilisearch, type MeiliProcess } from './meili-process';
import { createSearchPermissions } from './permissions';
import { createSearchService } from './search.service';
import { createSearchSources } from './sources';
import type { FileProcessingLog } from '../domain/ports';
import type { SearchInput, SearchResult } from '../shared/search';

export type SearchStartOptions =
	| { mode: 'embedded'; dataDir: string; binary?: string }
	| { mode: 'external'; url: string; masterKey: string }
	| { mode: 'off'; detail: string };

/** A `search_state` row a restore writes: the index is rebuilt from SQLite once the engine answers. */
export const REINDEX_REQUESTED = 'reindex_requested';

/** Waits before restarting a stopped embedded engine: 1 s, doubling up to 30 s; an engine that ran a minute starts the count again. */
export type RestartPolicy = { firstDelayMs: number; maxDelayMs: number; stableAfterMs: number };
const DEFAULT_RESTART: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

export function createSearch(deps: {
	db: Db;
	clock: () => number;
	store: DocStore;
	blobs: BlobStore;
	/** How a person is named in an edition today (their credit choice): chat authors and people in pads are indexed by it. */
	nameOf?: (userId: string, editionId: string) => string;
	indexer?: IndexerOptions;
	log?: (line: string) => void;
	restart?: Partial<RestartPolicy>;
	/** Where failed text extractions are recorded (the desk's « files whose processing failed »). */
	failures?: FileProcessingLog;
}) {
	const log = deps.log ?? ((line: string) => rootLogger().info({ component: 'search' }, line));
	const engine = createSearchEngine();
	const extractor = createExtractor({ log });
	const sources = createSearchSources({ db: deps.db, store: deps.store, blobs: deps.blobs, extractor, clock: deps.clock, nameOf: deps.nameOf, failures: deps.failures });
	const indexer = createIndexer({ db: deps.db, engine, sources }, { log, ...deps.indexer });
	const service = createSearchService({ db: deps.db, engine, permissions: createSearchPermissions(deps.db), clock: deps.clock });
	let child: MeiliProcess | null = null;
	let connection: MeiliConnection | null = null;
	let lastHealth = { ok: true, detail: 'starting' };
	const restartPolicy = { ...DEFAULT_RESTART, ...deps.restart };
	let stopping = false;
	let restartTimer: NodeJS.Timeout | null = null;
	let restarts = 0;

	async function connect(url: string, key: string) {
		connection = connectMeilisearch(url, key);
		await applyIndexSettings(connection.client, deps.db);
		engine.ready(connection.client, url);
		lastHealth = { ok: true, detail: 'ready' };
		indexer.start();
		rebuildIfRequested();
	}

	/** After a restore the engine's index is empty or stale: everything is sent again, in the background. */
	function rebuildIfRequested() {
		const requested = deps.db.prepare<[string], string>('SELECT value FROM search_state WHERE name = ?').pluck().get(REINDEX_REQUESTED);
		if (!requested) return;
		indexer.reindexAll().then(
			({ documents }) => {
				deps.db.prepare('DELETE FROM search_state WHERE name = ? AND value = ?').run(REINDEX_REQUESTED, requested);
				log(`Search index rebuilt after a restore: ${documents} documents.`);
			},
			(e: unknown) => log(`Search index rebuild after a restore failed, it is tried again at the next start: ${(e as Error).message}`)
		);
	}

	async function startEmbedded(options: Extract<SearchStartOptions, { mode: 'embedded' }>) {
		const proc = await startMeilisearch({ dataDir: options.dataDir, binary: options.binary });
		child = proc;
		const startedAt = Date.now();
		void proc.exited.then(({ stopped, code, signal }) => {
			if (stopped || stopping || child !== proc) return;
			child = null;
			connection?.close();
			connection = null;
			if (Date.now() - startedAt >= restartPolicy.stableAfterMs) restarts = 0;
			log(`Search engine stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it. Search is degraded meanwhile, edits keep being recorded.`);
			scheduleRestart(options);
		});
		await connect(proc.url, proc.masterKey);
	}

	/** Restarts the embedded engine with a growing delay; the indexer catches up from the outbox once it is ready. */
	function scheduleRestart(options: Extract<SearchStartOptions, { mode: 'embedded' }>) {
		const delay = Math.min(restartPolicy.maxDelayMs, restartPolicy.firstDelayMs * 2 ** Math.min(restarts, 16));
		restarts += 1;
		engine.unavailable('restarting', `the embedded engine stopped; restart ${restarts} in ${delay} ms`);
		restartTimer = setTimeout(() => {
			restartTimer = null;
			if (stopping) return;
			startEmbedded(options).then(
				() => log(`Search engine restarted after ${restarts} attempt(s).`),
				(e: unknown) => {
					if (stopping) return;
					log(`Search engine restart failed: ${(e as Error).message}`);
					scheduleRestart(options);
				}
			);
		}, delay);
		restartTimer.unref();
	}

	return {
		engine,
		indexer,
		query: (viewer: Viewer | null, input: SearchInput): Promise<SearchResult> => service.query(viewer, input),

		/** Never throws: without a search engine the app keeps working and the search page says why. */
		async start(options: SearchStartOptions): Promise<void> {
			stopping = false;
			restarts = 0;
			try {
				if (options.mode === 'off') {
					engine.unavailable('not_installed', options.detail);
				} else if (options.mode === 'external') {
					if (!(await isHealthy(options.url, 3000))) throw new MeiliUnavailableError('unreachable', `Meilisearch at ${options.url} does not answer /health`);
					await connect(options.url, options.masterKey);
				} else {
					await startEmbedded(options);
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
			if (state.status === 'unavailable' && state.reason === 'restarting') return { ok: false, detail: `degraded: ${state.detail}` };
			if (state.status === 'unavailable') return { ok: state.reason === 'not_installed', detail: `off (${state.reason})` };
			if (state.status === 'starting') return { ok: true, detail: 'starting' };
			void isHealthy(state.url, 1000).then((ok) => {
				const pending = indexer.pending();
				lastHealth = ok ? { ok: true, detail: pending.failures > 0 ? 'catching up' : 'ready' } : { ok: false, detail: 'Meilisearch does not answer' };
			});
			return lastHealth;
		},

		async stop() {
			stopping = true;
			if (restartTimer) clearTimeout(restartTimer);
			restartTimer = null;
			await indexer.stop();
			await extractor.close();
			connection?.close();
			await child?.stop();
			child = null;
		}
	};
}
export type Search = ReturnType<typeof createSearch>;
