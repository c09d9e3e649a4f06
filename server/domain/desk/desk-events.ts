// The desk's in-process event bus: help requests and writing activity per edition, at most one activity event per workshop per second.
import type { ActivityFeed } from '../ports';

export type DeskEvent =
	| { type: 'help'; editionId: string; requestId: string }
	| { type: 'activity'; editionId: string; workshopId: string; updates: number }
	| { type: 'presence'; editionId: string; workshopId: string }
	/** A chat report came in or was resolved, or a file's processing failed: the board's alerts changed. */
	| { type: 'alerts'; editionId: string; workshopId: string };

type Listener = (event: DeskEvent) => void;
/** Which workshop (and edition) a real-time room belongs to; null for rooms the desk does not follow. */
export type RoomOwner = (room: string) => { editionId: string; workshopId: string } | null;

export const COALESCE_MS = 1000;

export function createDeskEvents(options: { now?: () => number; coalesceMs?: number } = {}) {
	const now = options.now ?? Date.now;
	const coalesceMs = options.coalesceMs ?? COALESCE_MS;
	const listeners = new Map<string, Set<Listener>>();
	/** Per workshop: when its last activity event left, and updates held back since then. */
	const held = new Map<string, { sentAt: number; updates: number; timer: NodeJS.Timeout | null; editionId: string }>();

	function publish(event: DeskEvent) {
		for (const listener of listeners.get(event.editionId) ?? []) listener(event);
	}

	function flush(workshopId: string) {
		const entry = held.get(workshopId);
		if (!entry) return;
		entry.timer = null;
		if (entry.updates === 0) return;
		entry.sentAt = now();
		const updates = entry.updates;
		entry.updates = 0;
		publish({ type: 'activity', editionId: entry.editionId, workshopId, updates });
	}

	return {
		publish,
		subscribe(editionId: string, listener: Listener): () => void {
			let set = listeners.get(editionId);
			if (!set) listeners.set(editionId, (set = new Set()));
			set.add(listener);
			return () => set.delete(listener);
		},
		/** Writing in a workshop: sent at once if the last event is older than the window, otherwise merged into the next. */
		activity(editionId: string, workshopId: string, updates: number) {
			let entry = held.get(workshopId);
			if (!entry) held.set(workshopId, (entry = { sentAt: -Infinity, updates: 0, timer: null, editionId }));
			entry.updates += updates;
			if (entry.timer) return;
			const wait = entry.sentAt + coalesceMs - now();
			if (wait <= 0) return flush(workshopId);
			entry.timer = setTimeout(() => flush(workshopId), wait);
			entry.timer.unref?.();
		},
		/** Listens to the real-time layer through its port; returns the unsubscribe. */
		follow(feed: ActivityFeed, ownerOf: RoomOwner): () => void {
			return feed.onActivity((room, updates) => {
				const owner = ownerOf(room);
				if (owner) this.activity(owner.editionId, owner.workshopId, updates);
			});
		},
		stop() {
			for (const entry of held.values()) if (entry.timer) clearTimeout(entry.timer);
			held.clear();
			listeners.clear();
		}
	};
}
export type DeskEvents = ReturnType<typeof createDeskEvents>;
