// The desk's view of the real-time rooms (ActivityFeed port): updates counted per room and reported once a second, and who is connected.
import type { ActivityFeed } from '../domain/ports';
import type { Rooms } from './rooms';
import { rootLogger } from '../log';

export function createActivityFeed(rooms: Rooms, options: { everyMs?: number } = {}): ActivityFeed & { stop(): void } {
	const counts = new Map<string, number>();
	const listeners = new Set<(room: string, updates: number) => void>();
	let timer: NodeJS.Timeout | null = null;

	function report() {
		const batch = [...counts];
		counts.clear();
		if (batch.length === 0 && timer) {
			clearInterval(timer);
			timer = null;
		}
		for (const [room, updates] of batch)
			for (const listener of listeners) {
				try {
					listener(room, updates);
				} catch (e) {
					// The desk is a view: its failure (a database closed at shutdown) must never reach the rooms.
					rootLogger().warn({ component: 'collab', room, err: e }, 'activity listener failed');
				}
			}
	}

	rooms.onApplied((room) => {
		counts.set(room, (counts.get(room) ?? 0) + 1);
		if (timer) return;
		timer = setInterval(report, options.everyMs ?? 1000);
		timer.unref();
	});

	return {
		onActivity(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async presence(room) {
			const live = rooms.rooms.get(room);
			return live ? [...live.peers].map((p) => p.userId) : [];
		},
		stop() {
			if (timer) clearInterval(timer);
			timer = null;
			rooms.onApplied(null);
			listeners.clear();
		}
	};
}
