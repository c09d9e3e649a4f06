// The one writer to Meilisearch: drains the outbox and the changed-room marks in small batches, retries with backoff.
import type { Meilisearch } from 'meilisearch';
import type { Db } from '../db/open';
import { createBatchBuilder, sendBatch, yieldTurn } from './index-batch';
import { createIndexProgress } from './index-progress';
import { applyIndexSettings, indexSettings } from './index-settings';
import { collectWork, emptyWork } from './index-work';
import type { SearchEngine } from './engine';
import type { SearchSources } from './sources';

export type IndexerOptions = { pollMs?: number; batchSize?: number; maxBackoffMs?: number; log?: (line: string) => void };

export function createIndexer(deps: { db: Db; engine: SearchEngine; sources: SearchSources }, options: IndexerOptions = {}) {
	const { db, sources } = deps;
	const pollMs = options.pollMs ?? 150;
	const batchSize = options.batchSize ?? 200;
	const log = options.log ?? (() => {});
	const progress = createIndexProgress(db);
	const build = createBatchBuilder(sources);

	let timer: NodeJS.Timeout | null = null;
	let running: Promise<void> | null = null;
	let queue: Promise<void> = Promise.resolve();
	let stopped = true;
	let failures = 0;
	let retryAt = 0;
	let lastRev = 0;
	let lastSynonyms = '';

	const nextRev = () => (lastRev = Math.max(lastRev + 1, Date.now()));

	async function syncSynonyms(client: Meilisearch) {
		const wanted = JSON.stringify(indexSettings(db).synonyms);
		if (wanted === lastSynonyms) return;
		await applyIndexSettings(client, db);
		lastSynonyms = wanted;
	}

	/** One batch: returns true when there may be more to do. */
	async function step(): Promise<boolean> {
		const client = deps.engine.client();
		if (!client) return false;
		const { rows, rooms } = progress.next(batchSize);
		if (rows.length === 0 && rooms.length === 0) return false;
		const work = collectWork(rows, rooms);
		if (work.editions.size > 0) await syncSynonyms(client);
		await sendBatch(client, await build(work, nextRev()), log);
		progress.done(rows.at(-1)?.id ?? null, rooms);
		return rows.length === batchSize || rooms.length === batchSize;
	}

	/** One drain at a time, whether the timer or a caller (flush, reindex) started it. */
	function exclusive<T>(work: () => Promise<T>): Promise<T> {
		const next = queue.then(work, work);
		queue = next.then(
			() => undefined,
			() => undefined
		);
		return next;
	}

	async function drain() {
		try {
			await exclusive(async () => {
				while (!stopped && (await step())) await yieldTurn();
			});
			failures = 0;
		} catch (e) {
			failures += 1;
			const delay = Math.min(options.maxBackoffMs ?? 30_000, 250 * 2 ** Math.min(failures, 10));
			retryAt = Date.now() + delay;
			if (failures === 1 || failures % 10 === 0) log(`search: indexing paused, retrying in ${delay} ms (${(e as Error).message})`);
		}
	}

	function tick() {
		timer = null;
		if (stopped) return;
		const due = Date.now() >= retryAt && deps.engine.client() !== null && (progress.hasOutbox() || progress.hasMarks());
		if (due && !running) running = drain().finally(() => (running = null));
		timer = setTimeout(tick, pollMs);
		timer.unref();
	}

	/** Rebuilds every document from SQLite alone; documents of older revisions are then removed, so search keeps working meanwhile. */
	async function reindexAll(): Promise<{ documents: number }> {
		const client = deps.engine.client();
		if (!client) throw new Error('Meilisearch is not available');
		await applyIndexSettings(client, db);
		const { upto, rooms } = progress.snapshot();
		const rev = nextRev();
		let documents = 0;
		for (const editionId of sources.editionIds()) {
			const built = await build({ ...emptyWork(), editions: new Set([editionId]) }, rev);
			documents += built.docs.length;
			await sendBatch(client, { docs: built.docs, stale: [], deleteIds: [] }, log);
		}
		await sendBatch(client, { docs: [], stale: [`rev < ${rev}`], deleteIds: [] }, log);
		progress.done(upto, rooms);
		return { documents };
	}

	return {
		start() {
			if (!stopped) return;
			stopped = false;
			tick();
		},
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			timer = null;
			await running;
		},
		/** Drains everything now (tests, reindex); throws when Meilisearch cannot be reached. */
		flush: () =>
			exclusive(async () => {
				while (await step()) await yieldTurn();
			}),
		reindexAll: () => exclusive(() => reindexAll()),
		pending: () => ({ outbox: progress.hasOutbox(), rooms: progress.hasMarks(), failures })
	};
}
export type Indexer = ReturnType<typeof createIndexer>;
