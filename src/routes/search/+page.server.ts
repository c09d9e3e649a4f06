import { isSearchable, parseSearchParams } from '$lib/components/search/search-params';
import type { PageServerLoad } from './$types';
import { runSearch } from './run-search';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { input, problems } = parseSearchParams(url.searchParams);
	const result = isSearchable(input) ? await runSearch(locals, input) : null;
	return { input, problems, result };
};
