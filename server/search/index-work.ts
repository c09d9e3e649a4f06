// What one indexing batch must rebuild or delete, read from outbox rows and changed-room marks (pure).
import type { OutboxRow } from '../domain/outbox/outbox.repo';

export type IndexWork = {
	editions: Set<string>;
	workshops: Set<string>;
	pads: Set<string>;
	chats: Set<string>;
	/** Chats whose archive changed: rebuilt with it. */
	archivedChats: Set<string>;
	drives: Set<string>;
	deliverables: Set<string>;
	/** Syntheses being written (their room or title changed). */
	syntheses: Set<string>;
	/** Editions whose published proceedings changed. */
	proceedings: Set<string>;
	/** Meilisearch filters naming documents to delete. */
	deletes: string[];
	deleteIds: string[];
};

/** A value quoted for a Meilisearch filter. */
export const quoteFilter = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

export const emptyWork = (): IndexWork => ({
	editions: new Set(),
	workshops: new Set(),
	pads: new Set(),
	chats: new Set(),
	archivedChats: new Set(),
	drives: new Set(),
	deliverables: new Set(),
	syntheses: new Set(),
	proceedings: new Set(),
	deletes: [],
	deleteIds: []
});

export function collectWork(rows: OutboxRow[], rooms: { room: string }[]): IndexWork {
	const q = quoteFilter;
	const work = emptyWork();
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
		else if (row.topic === 'synthesis.changed') work.syntheses.add(id);
		else if (row.topic === 'proceedings.published') work.proceedings.add(id);
	}
	for (const { room } of rooms) {
		const [kind, id] = room.split(':') as [string, string];
		if (kind === 'pad') work.pads.add(id);
		else if (kind === 'chat') work.chats.add(id);
		else if (kind === 'drive') work.drives.add(id);
		else if (kind === 'synthesis') work.syntheses.add(id);
	}
	return work;
}
