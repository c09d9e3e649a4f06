// What every server under test exposes to the bench child process.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeskCommand } from './ours-desk';

export type RoomFixture = {
	/** The room (document) name as the server knows it, e.g. `pad:abc…`. */
	name: string;
	/** URL path a client opens. */
	path: string;
	/** One session token per client (null: the server has no authentication). */
	tokens: (string | null)[];
	/** The user id behind each token, for rooms that check authorship (ours: the chat); absent for the references. */
	userIds?: string[];
};

/** What a room holds: a pad (`pad:<id>`) or a workshop chat (`chat:<workshopId>`). */
export type FixtureKind = 'pad' | 'chat';

export type ServerUnderTest = {
	server: http.Server;
	/** Rooms ready to join, with credentials for `clientsPerRoom` clients each. */
	fixtures(rooms: number, clientsPerRoom: number, kind?: FixtureKind): RoomFixture[];
	/** Whether the room's document is currently held in memory. */
	roomLoaded(name: string): boolean;
	/** Server-specific counters since the previous call (ours: SQLite transaction timings). */
	extraStats?(): Record<string, number>;
	/** What the server holds right now (ours: rooms in memory, their peers, the database on disk), to explain memory. */
	counters?(): Record<string, number>;
	/** Ours only: the MédiaLab desk's pages and probes (scenario desk, servers/ours-desk.ts). */
	desk?(cmd: DeskCommand): unknown;
	close(): Promise<void>;
};

/** Listens on an ephemeral 127.0.0.1 port with a deep accept queue (a connect storm must not hit SYN retries). */
export function listen(server: http.Server): Promise<number> {
	return new Promise((resolve) =>
		server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve((server.address() as AddressInfo).port))
	);
}

let counter = 0;
/** A room id that matches our room-name pattern, for the reference servers. */
export const refRoomName = (kind: FixtureKind = 'pad') => `${kind}:ref${process.pid.toString(36)}x${(counter++).toString(36).padStart(6, '0')}`;
