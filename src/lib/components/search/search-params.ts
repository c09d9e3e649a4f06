// The search page's URL (`?q=…&edition=…&type=…&page=…`): parsed with one schema on the server, rebuilt in the browser.
import { z } from 'zod';
import { searchFacets, searchHitTypes, type SearchFacet, type SearchInput } from '$server/shared/search';

export const SEARCH_QUERY_MAX = 200;
const MAX_VALUES_PER_FACET = 20;
export const MAX_PAGE = 50;

const facetValue = z.string().trim().min(1).max(100);
const facetValues: Record<SearchFacet, z.ZodType<string>> = {
	edition: facetValue,
	theme: facetValue,
	track: facetValue,
	format: facetValue,
	type: z.enum(searchHitTypes),
	licence: facetValue,
	year: z.string().regex(/^\d{4}$/)
};

const searchParamsSchema = z.object({
	q: z.string().trim().max(SEARCH_QUERY_MAX),
	page: z.coerce.number().int().min(1).max(MAX_PAGE),
	...Object.fromEntries(searchFacets.map((f) => [f, z.array(facetValues[f]).max(MAX_VALUES_PER_FACET)]))
});

/** A field of the search URL that was refused, and why (a key of `search.problem.*`). */
export type SearchProblem = { field: 'q' | 'page' | SearchFacet; reason: 'tooLong' | 'invalid' | 'tooMany' };

export type ParsedSearch = { input: SearchInput; problems: SearchProblem[] };

/**
 * Reads the URL leniently: a refused field is reported and dropped, the rest of the search still runs,
 * so a hand-edited or outdated link never gives a blank page.
 */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
	const raw = {
		q: params.get('q') ?? '',
		page: params.get('page') || '1',
		...Object.fromEntries(searchFacets.map((f) => [f, [...new Set(params.getAll(f).filter((v) => v.trim() !== ''))]]))
	};
	const problems: SearchProblem[] = [];
	const parsed = searchParamsSchema.safeParse(raw);
	if (parsed.success) return { input: toInput(parsed.data as Record<string, unknown>), problems };

	const clean: Record<string, unknown> = { ...raw };
	for (const issue of parsed.error.issues) {
		const field = issue.path[0] as SearchProblem['field'];
		if (problems.some((p) => p.field === field)) continue;
		const reason: SearchProblem['reason'] = issue.code === 'too_big' ? (field === 'q' ? 'tooLong' : field === 'page' ? 'invalid' : 'tooMany') : 'invalid';
		problems.push({ field, reason });
		clean[field] = field === 'q' ? String(raw.q).trim().slice(0, SEARCH_QUERY_MAX) : field === 'page' ? '1' : [];
	}
	const retried = searchParamsSchema.safeParse(clean);
	return { input: retried.success ? toInput(retried.data as Record<string, unknown>) : { q: '', filters: {}, page: 1 }, problems };
}

function toInput(data: Record<string, unknown>): SearchInput {
	const filters: SearchInput['filters'] = {};
	for (const f of searchFacets) {
		const values = data[f] as string[];
		if (values.length > 0) filters[f] = values;
	}
	return { q: data.q as string, filters, page: data.page as number };
}

export const hasFilters = (input: Pick<SearchInput, 'filters'>) => searchFacets.some((f) => (input.filters[f]?.length ?? 0) > 0);

/** Whether there is anything to search for: words, or at least one filter (browsing a facet). */
export const isSearchable = (input: SearchInput) => input.q !== '' || hasFilters(input);

/** The query string of a search, in a stable order; page 1 is left out. */
export function searchQueryString(input: Pick<SearchInput, 'q' | 'filters'> & { page?: number }): string {
	const params = new URLSearchParams();
	if (input.q) params.set('q', input.q);
	for (const f of searchFacets) for (const v of input.filters[f] ?? []) params.append(f, v);
	if (input.page && input.page > 1) params.set('page', String(input.page));
	const s = params.toString();
	return s ? `?${s}` : '';
}

export const searchHref = (input: Pick<SearchInput, 'q' | 'filters'> & { page?: number }) => `/search${searchQueryString(input)}`;
