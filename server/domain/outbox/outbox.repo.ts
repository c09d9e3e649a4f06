// Appends change events for adapters (search indexer...); always called inside the change's own transaction.
import type { Db } from '../../db/open';
import type { Clock } from '../types';

export type OutboxTopic =
	| 'edition.changed'
	| 'edition.deleted'
	| 'workshop.changed'
	| 'workshop.deleted'
	| 'pad.changed'
	| 'pad.deleted'
	| 'deliverable.changed'
	| 'deliverable.deleted'
	| 'chat.archive.changed'
	| 'synthesis.changed'
	| 'proceedings.published';
export type OutboxRow = { id: number; topic: OutboxTopic; entity_id: string; payload: string; created_at: string };

export function createOutboxRepo(db: Db, clock: Clock) {
	const insert = db.prepare('INSERT INTO outbox (topic, entity_id, payload, created_at) VALUES (?, ?, ?, ?)');
	return {
		record(topic: OutboxTopic, entityId: string, payload: Record<string, unknown> = {}) {
			insert.run(topic, entityId, JSON.stringify(payload), new Date(clock()).toISOString());
		},
		listAfter: (afterId: number, limit = 100) =>
			db.prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit)
	};
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
