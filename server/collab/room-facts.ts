// Remembers who may open which room, and whose session a cookie is, while nothing that decides it has changed.
import type { Db } from '../db/open';
import type { Viewer } from '../domain/types';
import type { RoomName } from '../shared/rooms';
import type { RoomAccess } from './room-access';

/** What the endpoint needs from a session lookup (the sessions service's answer, trimmed). */
export type SessionFacts = { sessionId: string; viewer: Viewer; expiresAt: number } | null;

export type RoomFactsDeps = {
	db: Db;
	clock: () => number;
	/** The sessions service's own lookup (it renews a session past half its life). */
	validateSession: (token: string) => { session: { id: string; expiresAt: number }; viewer: Viewer } | null;
	/** The policy's answer; throws AppError (not_found…) for whoever may not read the room. */
	resolveAccess: (viewer: Viewer | null, room: RoomName) => RoomAccess;
	/** Whether the pad's workshop has locked its pads. */
	padLocked: (padId: string) => boolean;
	/** Entries kept at most; the whole cache is dropped when it is reached (a storm refills it in one pass). */
	maxEntries?: number;
};

type Stamp = { generation: number; minute: number };
type Entry<T> = Stamp & { value: T };

/**
 * A reconnect storm (the venue Wi-Fi comes back) asks the same questions hundreds of times within seconds. Every
 * answer here depends only on rows whose writes bump `access_generation` (triggers, migration 047) and on the local
 * minute (workshop slots are minutes); an entry is used only while both are unchanged, so the cache never answers
 * what the database and the policy would not. Failures (not_found, a deleted pad) are not remembered.
 */
export function createRoomFacts(deps: RoomFactsDeps) {
	const readGeneration = deps.db.prepare<[], number>('SELECT n FROM access_generation WHERE id = 1').pluck();
	const maxEntries = deps.maxEntries ?? 50_000;
	const sessions = new Map<string, Entry<SessionFacts>>();
	const access = new Map<string, Entry<RoomAccess>>();
	const locks = new Map<string, Entry<boolean>>();
	let seenGeneration = -1;

	/** The current generation and minute; a moved generation empties everything at once. */
	function stamp(): Stamp {
		const generation = readGeneration.get() ?? 0;
		if (generation !== seenGeneration) {
			sessions.clear();
			access.clear();
			locks.clear();
			seenGeneration = generation;
		}
		return { generation, minute: Math.floor(deps.clock() / 60_000) };
	}

	function remembered<T>(now: Stamp, cache: Map<string, Entry<T>>, key: string, compute: () => T): T {
		const hit = cache.get(key);
		if (hit && hit.generation === now.generation && hit.minute === now.minute) return hit.value;
		const value = compute();
		if (cache.size >= maxEntries) cache.clear();
		cache.set(key, { value, ...now });
		return value;
	}

	/** The questions one connection asks, against one reading of the generation (nothing can write in between). */
	function at(now: Stamp) {
		return {
			/** The session behind a cookie: one lookup serves every socket a phone opens (pad, chat, drive) within the minute. */
			session(token: string): SessionFacts {
				const facts = remembered(now, sessions, token, () => {
					const found = deps.validateSession(token);
					return found ? { sessionId: found.session.id, viewer: found.viewer, expiresAt: found.session.expiresAt } : null;
				});
				if (facts && deps.clock() >= facts.expiresAt) {
					sessions.delete(token);
					return null;
				}
				return facts;
			},

			/** Read or write for this viewer in this room; throws as the policy does. */
			access(viewer: Viewer | null, room: RoomName): RoomAccess {
				return remembered(now, access, `${room.kind}:${room.id}\u0000${viewer?.id ?? ''}`, () => deps.resolveAccess(viewer, room));
			},

			/** Whether the pad's workshop locked its pads, shared by every connection to that pad. */
			padLocked(padId: string): boolean {
				return remembered(now, locks, padId, () => deps.padLocked(padId));
			}
		};
	}

	return {
		/** One connection's questions; ask them at once, not across a write. */
		forConnection: () => at(stamp()),
		session: (token: string) => at(stamp()).session(token),
		access: (viewer: Viewer | null, room: RoomName) => at(stamp()).access(viewer, room),
		padLocked: (padId: string) => at(stamp()).padLocked(padId),
		/** Entries held (for tests and health). */
		size: () => sessions.size + access.size + locks.size
	};
}
export type RoomFacts = ReturnType<typeof createRoomFacts>;
