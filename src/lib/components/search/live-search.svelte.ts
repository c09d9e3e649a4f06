// Results as you type: one request at a time (a newer one aborts the older), debounced while typing, the URL kept in sync.
import { replaceState } from '$app/navigation';
import type { SearchInput, SearchResult } from '$server/shared/search';
import type { SearchProblem } from './search-params';

export type SearchAnswer = { input: SearchInput; problems: SearchProblem[]; result: SearchResult | null };

export const TYPING_DEBOUNCE_MS = 200;

export class LiveSearch {
	pending = $state(false);
	failed = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#controller: AbortController | null = null;
	#apply: (answer: SearchAnswer) => void;

	constructor(apply: (answer: SearchAnswer) => void) {
		this.#apply = apply;
	}

	/** Searches for the form's current values after a pause in typing. */
	schedule(form: HTMLFormElement, delayMs = TYPING_DEBOUNCE_MS) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.run(form), delayMs);
	}

	async run(form: HTMLFormElement) {
		clearTimeout(this.#timer);
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		// A new query starts again from page 1; empty fields stay out of the URL.
		const fields = [...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '' && e[0] !== 'page');
		const query = fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
		this.pending = true;
		try {
			const response = await fetch(`/search/results${query ? `?${query}` : ''}`, { signal: controller.signal, headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(`search answered ${response.status}`);
			const answer = (await response.json()) as SearchAnswer;
			if (controller.signal.aborted) return;
			this.failed = false;
			this.#apply(answer);
			replaceState(`/search${query ? `?${query}` : ''}`, {});
		} catch (e) {
			if (controller.signal.aborted || (e as Error).name === 'AbortError') return;
			this.failed = true;
		} finally {
			if (this.#controller === controller) {
				this.pending = false;
				this.#controller = null;
			}
		}
	}

	destroy() {
		clearTimeout(this.#timer);
		this.#controller?.abort();
	}
}
