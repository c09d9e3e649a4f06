// Whether the search engine can be used right now, and the client to use: set at start, read by the indexer and the search service.
import type { Meilisearch } from 'meilisearch';

export type EngineState =
	| { status: 'starting' }
	| { status: 'ready'; client: Meilisearch; url: string }
	| { status: 'unavailable'; reason: EngineDownReason; detail: string };

/** `restarting`: the embedded engine stopped unexpectedly and is being started again (search is degraded meanwhile). */
export type EngineDownReason = 'not_installed' | 'unreachable' | 'restarting';

export function createSearchEngine() {
	let state: EngineState = { status: 'starting' };
	const listeners = new Set<() => void>();
	return {
		state: () => state,
		client: () => (state.status === 'ready' ? state.client : null),
		ready(client: Meilisearch, url: string) {
			state = { status: 'ready', client, url };
			for (const l of listeners) l();
		},
		unavailable(reason: EngineDownReason, detail: string) {
			state = { status: 'unavailable', reason, detail };
		},
		onReady(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}
export type SearchEngine = ReturnType<typeof createSearchEngine>;
