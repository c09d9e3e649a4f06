// The rooms held in memory: loaded on first join, saved as a version and unloaded once nobody is there.
import type { DocStore } from './doc-store';
import { createChatGuard } from './chat-guard';
import { defaultRoomLimits, Room, type GuardFactory, type RoomLimits } from './room';

/** Rooms whose peers may only make some changes; pads take any edit from their writers. */
const guards: Record<string, GuardFactory> = { chat: createChatGuard };

export type RoomsOptions = { idleUnloadMs: number; limits?: RoomLimits };

export function createRooms(store: DocStore, options: RoomsOptions = { idleUnloadMs: 30_000 }) {
	const rooms = new Map<string, Room>();
	const timers = new Map<string, NodeJS.Timeout>();

	function unload(name: string) {
		timers.delete(name);
		const room = rooms.get(name);
		if (!room || room.peers.size > 0) return;
		if (room.hasUnversionedUpdates()) room.saveVersion('session');
		rooms.delete(name);
	}

	function get(name: string): Room {
		clearTimeout(timers.get(name));
		timers.delete(name);
		let room = rooms.get(name);
		if (!room) {
			room = new Room(name, store, options.limits ?? defaultRoomLimits, guards[name.split(':')[0]!] ?? null);
			rooms.set(name, room);
		}
		return room;
	}

	/** Called when a peer left: an empty room stays warm for a while (page reloads, Wi-Fi hiccups), then goes. */
	function released(room: Room) {
		if (room.peers.size > 0 || timers.has(room.name)) return;
		const timer = setTimeout(() => unload(room.name), options.idleUnloadMs);
		timer.unref();
		timers.set(room.name, timer);
	}

	return {
		rooms,
		get,
		released,
		/** A room's document for server-side work, whether or not anyone is connected. */
		withRoom<T>(name: string, work: (room: Room) => T): T {
			const room = get(name);
			try {
				return work(room);
			} finally {
				released(room);
			}
		},
		closeAll() {
			for (const t of timers.values()) clearTimeout(t);
			timers.clear();
			for (const room of rooms.values()) if (room.hasUnversionedUpdates()) room.saveVersion('shutdown');
			rooms.clear();
			store.flush();
		}
	};
}
export type Rooms = ReturnType<typeof createRooms>;
