// The one writer to Meilisearch: drains the outbox and the changed-room marks in small batches, retries with backoff.
import type { Meilisearch } from 'meilisearch';
import type { Db } from '../db/open';
import type { OutboxRow } from '../domain/outbox/outbox.repo';
import type { SearchDoc } from './documents';
import type { SearchEngine } from './engine';
import { applyIndexSettings, INDEX_UID, indexSettings } from './index-settings';
import type { SearchSources } from './sources';

const CURSOR = 'outbox_cursor';
/** Meilisearch task errors that mean « no room to store it now », not « this document is wrong ». */
const ENGINE_STORAGE_ERRORS = new Set(['no_space_left_on_device', 'database_size_limit_reached', 'io_error', 'too_many_open_files']);
const q = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

type Work = {
	editions: Set<string>;
	workshops: Set<string>;
	pads: Set<string>;
	chats: Set<string>;
	/** Chats whose archive changed: rebuilt with it. */
	archivedChats: Set<string>;
	drives: Set<string>;
	deliverables: Set<string>;
	deletes: string[];
	deleteIds: string[];
};

export type IndexerOptions = { pollMs?: number; batchSize?: number; maxBackoffMs?: number; log?: (line: string) => void };

export function createIndexer(deps: { db: Db; engine: SearchEngine; sources: SearchSources }, options: IndexerOptions = {}) {
	const { db, sources } = deps;
	const pollMs = options.pollMs ?? 150;
	const batchSize = options.batchSize ?? 200;
	const log = options.log ?? (() => {});
	const readState = db.prepare<[string], string>('SELECT value FROM search_state WHERE name = ?').pluck();
	const writeState = db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
	const outboxAfter = db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?');
	const hasOutbox = db.prepare<[number], number>('SELECT 1 FROM outbox WHERE id > ? LIMIT 1').pluck();
	const marks = db.prepare<[number], { room: string; marked_at: number }>('SELECT room, marked_at FROM search_dirty ORDER BY marked_at LIMIT ?');
	const hasMarks = db.prepare<[], number>('SELECT 1 FROM search_dirty LIMIT 1').pluck();
	const clearMark = db.prepare('DELETE FROM search_dirty WHERE room = ? AND marked_at = ?');
	/** Chat messages already sent per workshop, so a new message sends one document, not the whole live chat. */
	const sentMessages = new Map<string, Set<string>>();

	let timer: NodeJS.Timeout | null = null;
	let running: Promise<void> | null = null;
	let queue: Promise<void> = Promise.resolve();
	let stopped = true;
	let failures = 0;
	let retryAt = 0;
	let lastRev = 0;
	let lastSynonyms = '';

	const cursor = () => Number(readState.get(CURSOR) ?? 0);
	const nextRev = () => (lastRev = Math.max(lastRev + 1, Date.now()));

	function collect(rows: OutboxRow[], rooms: { room: string }[]): Work {
		const work: Work = { editions: new Set(), workshops: new Set(), pads: new Set(), chats: new Set(), archivedChats: new Set(), drives: new Set(), deliverables: new Set(), deletes: [], deleteIds: [] };
		for (const row of rows) {
			const id = row.entity_id;
			if (row.topic === 'edition.changed') work.editions.add(id);
			else if (row.topic === 'edition.deleted') work.deletes.push(`editionId = ${q(id)}`);
			else if (row.topic === 'workshop.changed') work.workshops.add(id);
			else if (row.topic === 'workshop.deleted') work.deletes.push(`workshopId = ${q(id)}`);
			else if (row.topic === 'pad.changed') work.pads.add(id);
			else if (row.topic === 'pad.deleted') work.deletes.push(`padId = ${q(id)}`);
			else if (row.topic === 'deliverable.changed') work.deliverables.add(id);
			else if (row.topic === 'deliverable.deleted') work.deleteIds.push(`deliverable-${id}`);
			// Messages moved to the archive (maybe before they were ever indexed) or moderated there: the whole chat again.
			else if (row.topic === 'chat.archive.changed') work.archivedChats.add(id);
		}
		for (const { room } of rooms) {
			const [kind, id] = room.split(':') as [string, string];
			if (kind === 'pad') work.pads.add(id);
			else if (kind === 'chat') work.chats.add(id);
			else if (kind === 'drive') work.drives.add(id);
		}
		return work;
	}

	/** Documents to add, and filters naming what those documents replace (older revisions of the same things). */
	async function build(work: Work, rev: number) {
		const docs: SearchDoc[] = [];
		const stale: string[] = [];
		const whole = new Set(work.workshops);
		for (const editionId of work.editions) {
			docs.push(...sources.editionDocs(editionId, rev));
			stale.push(`editionId = ${q(editionId)} AND type = "edition" AND rev < ${rev}`);
			for (const w of sources.workshopIds(editionId)) whole.add(w);
		}
		for (const workshopId of whole) {
			const found = sources.workshopDocs(workshopId, rev);
			if (found.length === 0) continue;
			docs.push(...found);
			for (const padId of sources.padIds(workshopId)) docs.push(...(sources.padDocs(padId, rev) ?? []));
			const chat = sources.chat(workshopId, rev, { withArchive: true });
			if (chat) {
				docs.push(...chat.docs);
				sentMessages.set(workshopId, new Set(chat.docs.map((d) => d.id)));
			}
			docs.push(...((await sources.fileDocs(workshopId, rev)) ?? []));
			docs.push(...sources.deliverableDocs({ workshopId }, rev));
			stale.push(`workshopId = ${q(workshopId)} AND rev < ${rev}`);
			await yieldTurn();
		}
		for (const padId of work.pads) {
			const padDocs = sources.padDocs(padId, rev);
			if (padDocs) docs.push(...padDocs);
			stale.push(`padId = ${q(padId)} AND rev < ${rev}`);
		}
		const deleteIds = [...work.deleteIds];
		for (const workshopId of work.archivedChats) {
			if (whole.has(workshopId)) continue;
			const chat = sources.chat(workshopId, rev, { withArchive: true });
			if (!chat) continue;
			docs.push(...chat.docs);
			sentMessages.set(workshopId, new Set(chat.docs.map((d) => d.id)));
			deleteIds.push(...chat.hiddenIds);
		}
		for (const workshopId of work.chats) {
			if (whole.has(workshopId) || work.archivedChats.has(workshopId)) continue;
			const chat = sources.chat(workshopId, rev, { withArchive: false });
			if (!chat) continue;
			const sent = sentMessages.get(workshopId) ?? new Set<string>();
			docs.push(...chat.docs.filter((d) => !sent.has(d.id)));
			sentMessages.set(workshopId, new Set(chat.docs.map((d) => d.id)));
			deleteIds.push(...chat.hiddenIds);
		}
		for (const workshopId of work.drives) {
			if (whole.has(workshopId)) continue;
			const files = await sources.fileDocs(workshopId, rev);
			if (files) docs.push(...files);
			stale.push(`workshopId = ${q(workshopId)} AND type = "file" AND rev < ${rev}`);
		}
		for (const id of work.deliverables) {
			const found = sources.deliverableDocs({ deliverableId: id }, rev);
			docs.push(...found);
			if (found.length === 0) deleteIds.push(`deliverable-${id}`);
		}
		return { docs, stale: [...stale, ...work.deletes], deleteIds };
	}

	async function send(client: Meilisearch, built: Awaited<ReturnType<typeof build>>) {
		const index = client.index(INDEX_UID);
		const tasks = [];
		for (let i = 0; i < built.docs.length; i += 1000) tasks.push(await index.addDocuments(built.docs.slice(i, i + 1000), { primaryKey: 'id' }));
		for (const filter of built.stale) tasks.push(await index.deleteDocuments({ filter }));
		if (built.deleteIds.length) tasks.push(await index.deleteDocuments(built.deleteIds));
		if (tasks.length === 0) return;
		const done = await client.tasks.waitForTasks(tasks, { timeout: 60_000, interval: 10 });
		// A full disk on Meilisearch's side fails the tasks, not the request: the batch stays in the outbox and is
		// sent again after the backoff, instead of being skipped for good.
		const unstored = done.find((t) => t.status === 'failed' && ENGINE_STORAGE_ERRORS.has(t.error?.code ?? ''));
		if (unstored) throw new Error(`Meilisearch cannot store the batch: ${unstored.error?.message ?? unstored.error?.code}`);
		for (const t of done) if (t.status === 'failed') log(`search: indexing task ${t.uid} failed: ${t.error?.message ?? 'unknown error'}`);
	}

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
		const from = cursor();
		const rows = outboxAfter.all(from, batchSize);
		const rooms = marks.all(batchSize);
		if (rows.length === 0 && rooms.length === 0) return false;
		const work = collect(rows, rooms);
		if (work.editions.size > 0) await syncSynonyms(client);
		const built = await build(work, nextRev());
		await send(client, built);
		db.transaction(() => {
			if (rows.length) writeState.run(CURSOR, String(rows.at(-1)!.id));
			for (const r of rooms) clearMark.run(r.room, r.marked_at);
		})();
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
		const due = Date.now() >= retryAt && deps.engine.client() !== null && (hasOutbox.get(cursor()) === 1 || hasMarks.get() === 1);
		if (due && !running) running = drain().finally(() => (running = null));
		timer = setTimeout(tick, pollMs);
		timer.unref();
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
		pending: () => ({ outbox: hasOutbox.get(cursor()) === 1, rooms: hasMarks.get() === 1, failures })
	};

	/** Rebuilds every document from SQLite alone; documents of older revisions are then removed, so search keeps working meanwhile. */
	async function reindexAll(): Promise<{ documents: number }> {
		const client = deps.engine.client();
		if (!client) throw new Error('Meilisearch is not available');
		await applyIndexSettings(client, db);
		const upto = (db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number) ?? 0;
		const rooms = db.prepare<[], { room: string; marked_at: number }>('SELECT room, marked_at FROM search_dirty').all();
		const rev = nextRev();
		let documents = 0;
		for (const editionId of sources.editionIds()) {
			const built = await build({ ...collect([], []), editions: new Set([editionId]) }, rev);
			documents += built.docs.length;
			await send(client, { docs: built.docs, stale: [], deleteIds: [] });
		}
		await send(client, { docs: [], stale: [`rev < ${rev}`], deleteIds: [] });
		db.transaction(() => {
			if (upto > cursor()) writeState.run(CURSOR, String(upto));
			for (const r of rooms) clearMark.run(r.room, r.marked_at);
		})();
		return { documents };
	}
}
export type Indexer = ReturnType<typeof createIndexer>;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
