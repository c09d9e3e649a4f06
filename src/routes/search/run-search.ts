// Runs one search for the page and its JSON twin: the viewer's rights are applied by the search service, and a
// failure of the search engine becomes an `unavailable` answer the page explains instead of an error page.
import { rootLogger } from '$lib/server/app';
import type { SearchInput, SearchResult } from '$server/shared/search';

export const PER_PAGE = 20;

export async function runSearch(locals: App.Locals, input: SearchInput): Promise<SearchResult> {
	try {
		return await locals.app.search.query(locals.viewer, { ...input, perPage: PER_PAGE });
	} catch (e) {
		const errorId = crypto.randomUUID().slice(0, 8);
		rootLogger().error({ errorId, err: e }, 'search failed');
		return { status: 'unavailable', reason: 'unreachable', errorId };
	}
}
