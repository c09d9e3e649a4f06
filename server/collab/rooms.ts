// The rooms held in memory: loaded on first join, kept up in the background, saved as a version and unloaded once nobody is there.
import { isAppError } from '../shared/errors';
import type { RoomKind } from '../shared/rooms';
import type { DocStore } from './doc-store';
import { createChatGuard } from './chat-guard';
import { defaultRoomLimits, Room, type GuardFactory, type RoomLimits } from './room';
import { rootLogger } from '../log';

/** Rooms whose peers may only make some changes; pads take any edit from their writers. */
const guards: Record<string, GuardFactory> = { chat: createChatGuard };

/** `upkeepEveryMs`: how often the rooms people are in get their upkeep (default 60 s). */
export type RoomsOptions = { idleUnloadMs: number; limits?: RoomLimits; upkeepEveryMs?: number };
/** Background work on a room (the chat's archiving): run from a timer, never while a message is relayed. */
export type RoomUpkeep = (room: Room) => void;

const kindOf = (name: string) => name.split(':')[0]!;

/** One room's failure is that room's: logged once with its name, never thrown into a timer (it would stop the process). */
function reportFailure(what: string, roomName: string, e: unknown) {
	rootLogger().error({ component: 'collab', room: roomName, err: e }, `room ${what} failed`);
}

export function createRooms(store: DocStore, options: RoomsOptions = { idleUnloadMs: 30_000 }) {
	const rooms = new Map<string, Room>();
	const timers = new Map<string, NodeJS.Timeout>();
	const upkeeps = new Map<string, RoomUpkeep>();
	let upkeepTimer: NodeJS.Timeout | null = null;
	let appliedListener: ((room: string) => void) | null = null;

	function upkeepOf(room: Room) {
		const work = upkeeps.get(kindOf(room.name));
		if (!work) return;
		try {
			work(room);
		} catch (e) {
			// Background work must not take the room down: it is tried again on the next round or unload.
			reportFailure('upkeep', room.name, e);
		}
	}

	/** The last version of a room leaving memory; its updates are already stored, so a failure loses nothing. */
	function saveLastVersion(room: Room, reason: string): boolean {
		try {
			if (room.hasUnversionedUpdates()) room.saveVersion(reason);
			return true;
		} catch (e) {
			// The disk cannot take it now: the room stays in memory with what it holds, and is saved later.
			if (isAppError(e) && e.code === 'insufficient_storage') return false;
			reportFailure(`${reason} version`, room.name, e);
			return true;
		}
	}

	function unload(name: string) {
		timers.delete(name);
		const room = rooms.get(name);
		if (!room || room.peers.size > 0) return;
		// While storage cannot write, the room holds what the disk has not taken yet: it stays until it can be saved.
		if (!store.health.writable) return scheduleUnload(room);
		upkeepOf(room);
		if (!saveLastVersion(room, 'session')) return scheduleUnload(room);
		rooms.delete(name);
	}

	function scheduleUnload(room: Room) {
		const timer = setTimeout(() => unload(room.name), options.idleUnloadMs);
		timer.unref();
		timers.set(room.name, timer);
	}

	// Writers whose updates were refused while the disk was down still hold them: ask them again once it is back.
	store.health.onChange((writable) => {
		if (writable) for (const room of rooms.values()) room.requestResync();
	});

	function get(name: string): Room {
		clearTimeout(timers.get(name));
		timers.delete(name);
		let room = rooms.get(name);
		if (!room) {
			room = new Room(name, store, options.limits ?? defaultRoomLimits, guards[kindOf(name)] ?? null, reportFailure);
			room.onApplied = (applied) => appliedListener?.(applied);
			rooms.set(name, room);
		}
		return room;
	}

	/** Called when a peer left: an empty room stays warm for a while (page reloads, Wi-Fi hiccups), then goes. */
	function released(room: Room) {
		if (room.peers.size > 0 || timers.has(room.name)) return;
		scheduleUnload(room);
	}

	return {
		rooms,
		get,
		released,
		/**
		 * Registers the upkeep of one kind of room: it runs every `upkeepEveryMs` on the rooms people are in (its own
		 * timer turn, after any relay), and once more when a room unloads, so it also happens without any page.
		 */
		upkeep(kind: RoomKind, work: RoomUpkeep) {
			upkeeps.set(kind, work);
			if (upkeepTimer) return;
			upkeepTimer = setInterval(() => {
				for (const room of [...rooms.values()]) if (room.peers.size > 0) upkeepOf(room);
			}, options.upkeepEveryMs ?? 60_000);
			upkeepTimer.unref();
		},
		/** A room's document for server-side work, whether or not anyone is connected. */
		withRoom<T>(name: string, work: (room: Room) => T): T {
			const room = get(name);
			try {
				return work(room);
			} finally {
				released(room);
			}
		},
		/** One listener told of every update any room applies (the activity feed). */
		onApplied(listener: ((room: string) => void) | null) {
			appliedListener = listener;
		},
		/** Writes pending updates now instead of at the next group commit (a caller's own transaction may want them in it). */
		flush: () => store.flush(),
		/** Bytes of updates taken but not yet written (kept while the disk refuses them). */
		pendingBytes: () => store.pendingBytes(),
		closeAll() {
			for (const t of timers.values()) clearTimeout(t);
			timers.clear();
			if (upkeepTimer) clearInterval(upkeepTimer);
			upkeepTimer = null;
			for (const room of rooms.values()) {
				upkeepOf(room);
				saveLastVersion(room, 'shutdown');
			}
			rooms.clear();
			if (!store.flush()) rootLogger().error({ component: 'collab', pendingBytes: store.pendingBytes() }, 'shutting down with updates the disk did not take');
		}
	};
}
export type Rooms = ReturnType<typeof createRooms>;
