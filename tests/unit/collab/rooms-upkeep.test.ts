import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDocStore } from '../../../server/collab/doc-store';
import type { Peer } from '../../../server/collab/room';
import { createRooms, type Rooms } from '../../../server/collab/rooms';
import { openDatabase } from '../../../server/db/open';
import { waitFor } from './realtime-harness';
import { rootLogger } from '../../../server/log';

/** A connected peer that discards what it is sent. */
const peer = (): Peer => ({
	userId: 'u1',
	canWrite: true,
	awarenessClients: new Set(),
	backlog: null,
	backlogBytes: 0,
	write: () => undefined,
	bufferedBytes: () => 0,
	close: () => undefined,
	onDrain: () => undefined
});

function someUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('meta').set('archived', 0); // a chat's shape: rooms take only their kind's shared types
	return Y.encodeStateAsUpdate(doc);
}

let rooms: Rooms | undefined;
afterEach(() => {
	rooms?.closeAll();
	rooms = undefined;
	vi.restoreAllMocks();
});

describe('room upkeep', () => {
	it('runs on the rooms people are in, for its kind only, on its own timer', async () => {
		const db = openDatabase(':memory:');
		rooms = createRooms(createDocStore(db), { idleUnloadMs: 60_000, upkeepEveryMs: 20 });
		const seen: string[] = [];
		rooms.upkeep('chat', (room) => seen.push(room.name));
		rooms.get('chat:w1').join(peer());
		rooms.get('pad:p1').join(peer());
		rooms.withRoom('chat:w2', () => undefined); // loaded, nobody in it
		await waitFor(() => seen.length >= 2);
		expect(new Set(seen)).toEqual(new Set(['chat:w1']));
	});

	it('runs once more when a room unloads, before its last version; a failing upkeep does not stop the unload', async () => {
		const db = openDatabase(':memory:');
		rooms = createRooms(createDocStore(db), { idleUnloadMs: 10, upkeepEveryMs: 3_600_000 });
		const versionsAtUpkeep: number[] = [];
		const versions = () => db.prepare("SELECT count(*) FROM doc_snapshots WHERE room = 'chat:w1'").pluck().get() as number;
		rooms.upkeep('chat', () => {
			versionsAtUpkeep.push(versions());
			throw new Error('disk full');
		});
		const errors = vi.spyOn(rootLogger(), 'error').mockImplementation(() => undefined);
		const p = peer();
		const room = rooms.get('chat:w1');
		room.join(p);
		room.applyServerUpdate(someUpdate(), 'u1');
		room.leave(p);
		rooms.released(room);
		await waitFor(() => !rooms!.rooms.has('chat:w1'));
		expect(versionsAtUpkeep).toEqual([0]);
		expect(versions()).toBe(1);
		expect(errors).toHaveBeenCalledWith({ component: 'collab', room: 'chat:w1', err: expect.any(Error) }, 'room upkeep failed');
	});
});
