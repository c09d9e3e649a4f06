// The search contract between the app's pages and the search adapter: what a query asks and what it answers.

export const searchFacets = ['edition', 'theme', 'track', 'format', 'type', 'licence', 'year'] as const;
export type SearchFacet = (typeof searchFacets)[number];

export const searchHitTypes = ['pad', 'chat', 'file', 'workshop', 'edition', 'deliverable', 'synthesis'] as const;
export type SearchHitType = (typeof searchHitTypes)[number];

export type SearchInput = {
	q: string;
	/** Selected facet values; several values of one facet are OR-ed, facets are AND-ed. */
	filters: Partial<Record<SearchFacet, string[]>>;
	/** 1-based. */
	page: number;
	perPage?: number;
};

export type SearchHit = {
	id: string;
	type: SearchHitType;
	title: string;
	/** Escaped text; the only markup is <mark>…</mark> around matched words. */
	snippet: string;
	/** Opens the exact place: a pad section (#anchor), a chat message, a file, a workshop… */
	url: string;
	/** Where and when it was said: « atelier X, 14 sept., salle Y ». */
	context: { editionTitle: string; workshopTitle?: string; date?: string; room?: string };
};

export type FacetCount = { value: string; label: string; count: number };

export type SearchResult =
	| {
			status: 'ok';
			hits: SearchHit[];
			total: number;
			page: number;
			perPage: number;
			facets: Record<SearchFacet, FacetCount[]>;
			/** A better-spelled query when this one finds little, else null. */
			suggestion: string | null;
			tookMs: number;
	  }
	/** Only a reason the page translates, and an error id to quote: never the engine's address, key or stack. */
	| { status: 'unavailable'; reason: 'not_installed' | 'unreachable' | 'starting' | 'restarting'; errorId?: string };
