// Whether the search engine can be used right now, and the client to use: set at start, read by the indexer and the search service.
import type { Meilisearch } from 'meilisearch';

export type EngineState =
	| { status: 'starting' }
	| { status: 'ready'; client: Meilisearch; url: string }
	| { status: 'unavailable'; reason: 'not_installed' | 'unreachable'; detail: string };

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
		unavailable(reason: 'not_installed' | 'unreachable', detail: string) {
			state = { status: 'unavailable', reason, detail };
		},
		onReady(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}
export type SearchEngine = ReturnType<typeof createSearchEngine>;
