// The search page's results as JSON, for results as you type: same URL parameters, same viewer, same answer as the page.
import { json } from '@sveltejs/kit';
import { isSearchable, parseSearchParams } from '$lib/components/search/search-params';
import { runSearch } from '../run-search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { input, problems } = parseSearchParams(url.searchParams);
	const result = isSearchable(input) ? await runSearch(locals, input) : null;
	return json({ input, problems, result }, { headers: { 'Cache-Control': 'no-store' } });
};
