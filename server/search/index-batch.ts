// Turns indexing work into one batch of documents and deletions, and sends it to Meilisearch, waiting until it is applied.
import type { Meilisearch } from 'meilisearch';
import type { SearchDoc } from './documents';
import { INDEX_UID } from './index-settings';
import { quoteFilter as q, type IndexWork } from './index-work';
import type { SearchSources } from './sources';

/** Documents to add, filters naming what they replace (older revisions of the same things), ids to delete. */
export type IndexBatch = { docs: SearchDoc[]; stale: string[]; deleteIds: string[] };

export function createBatchBuilder(sources: SearchSources) {
	/** Chat messages already sent per workshop, so a new message sends one document, not the whole live chat. */
	const sentMessages = new Map<string, Set<string>>();

	return async function build(work: IndexWork, rev: number): Promise<IndexBatch> {
		const docs: SearchDoc[] = [];
		const stale: string[] = [];
		const whole = new Set(work.workshops);
		for (const editionId of work.editions) {
			docs.push(...sources.editionDocs(editionId, rev));
			stale.push(`editionId = ${q(editionId)} AND type = "edition" AND rev < ${rev}`);
			for (const w of sources.workshopIds(editionId)) whole.add(w);
			for (const id of sources.syntheses.synthesisIds(editionId)) work.syntheses.add(id);
			work.proceedings.add(editionId);
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
		for (const id of work.syntheses) {
			const live = sources.syntheses.liveDoc(id, rev);
			if (live) docs.push(live);
			else deleteIds.push(`synthesis-live-${id}`);
		}
		for (const editionId of work.proceedings) {
			docs.push(...sources.syntheses.publishedDocs(editionId, rev));
			stale.push(`editionId = ${q(editionId)} AND type = "synthesis" AND access = "edition" AND rev < ${rev}`);
		}
		return { docs, stale: [...stale, ...work.deletes], deleteIds };
	};
}

/** Meilisearch task errors that mean « no room to store it now », not « this document is wrong ». */
const ENGINE_STORAGE_ERRORS = new Set(['no_space_left_on_device', 'database_size_limit_reached', 'io_error', 'too_many_open_files']);

export async function sendBatch(client: Meilisearch, batch: IndexBatch, log: (line: string) => void): Promise<void> {
	const index = client.index(INDEX_UID);
	const tasks = [];
	for (let i = 0; i < batch.docs.length; i += 1000) tasks.push(await index.addDocuments(batch.docs.slice(i, i + 1000), { primaryKey: 'id' }));
	for (const filter of batch.stale) tasks.push(await index.deleteDocuments({ filter }));
	if (batch.deleteIds.length) tasks.push(await index.deleteDocuments(batch.deleteIds));
	if (tasks.length === 0) return;
	const done = await client.tasks.waitForTasks(tasks, { timeout: 60_000, interval: 10 });
	// A full disk on Meilisearch's side fails the tasks, not the request: the batch stays in the outbox and is
	// sent again after the backoff, instead of being skipped for good.
	const unstored = done.find((t) => t.status === 'failed' && ENGINE_STORAGE_ERRORS.has(t.error?.code ?? ''));
	if (unstored) throw new Error(`Meilisearch cannot store the batch: ${unstored.error?.message ?? unstored.error?.code}`);
	for (const t of done) if (t.status === 'failed') log(`search: indexing task ${t.uid} failed: ${t.error?.message ?? 'unknown error'}`);
}

/** Lets the event loop serve others between heavy steps. */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
