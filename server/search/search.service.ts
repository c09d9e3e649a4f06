// Answers a viewer's search: their rights as a filter, facets with counts and labels, escaped snippets, a spelling suggestion.
import type { Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';
import { z } from 'zod';
import type { Db } from '../db/open';
import { localDateTime } from '../domain/programme/workshop-status';
import type { Viewer } from '../domain/types';
import { parseInput } from '../shared/validate';
import { themeKey, trackKey } from '../shared/themes';
import { workshopFormatLabels, type WorkshopFormat } from '../shared/vocabulary';
import type { SearchEngine } from './engine';
import { INDEX_UID } from './index-settings';
import type { SearchPermissions } from './permissions';
import { searchFacets, searchHitTypes, type FacetCount, type SearchFacet, type SearchHit, type SearchInput, type SearchResult } from '../shared/search';

export const SEARCH_QUERY_MAX = 200;
const facetValues = z.array(z.string().min(1).max(100)).max(20);
export const searchInputSchema = z.object({
	q: z.string().max(SEARCH_QUERY_MAX, 'tooLong').transform((s) => s.trim()),
	filters: z.object(Object.fromEntries(searchFacets.map((f) => [f, facetValues.optional()])) as Record<SearchFacet, z.ZodOptional<typeof facetValues>>).default({}),
	page: z.coerce.number().int().min(1, 'invalid').max(50, 'invalid').default(1),
	perPage: z.coerce.number().int().min(1).max(50).default(20)
});

/** Index field of each facet. */
const facetField: Record<SearchFacet, string> = { edition: 'editionId', theme: 'themes', track: 'track', format: 'format', type: 'type', licence: 'licence', year: 'year' };
const PRE = '\u0001';
const POST = '\u0002';
const MARKED = new RegExp(`${PRE}([^${POST}]*)${POST}`, 'g');

const typeLabels: Record<string, string> = { pad: 'Pad', chat: 'Chat', file: 'Fichier', workshop: 'Atelier', edition: 'Événement', deliverable: 'Livrable' };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Everything escaped, then only the engine's own markers (documents never hold them) become <mark>. */
export const safeSnippet = (s: string) => escapeHtml(s).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>');

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

function facetFilter(facet: SearchFacet, values: string[]): string {
	if (facet === 'year') {
		const years = values.map(Number).filter((n) => Number.isInteger(n));
		return years.length ? `year IN [${years.join(', ')}]` : 'year IN [-1]';
	}
	return `${facetField[facet]} IN [${values.map(quote).join(', ')}]`;
}

/** Damerau-Levenshtein distance, capped: enough to tell « inclsuion » from « inclusion ». */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	}
	return d[a.length]![b.length]!;
}

const fold = (w: string) => themeKey(w);

/** Replaces each query word by the closest word the engine matched (or a known term), when it is a near miss. */
export function suggest(q: string, candidates: string[]): string | null {
	const words = q.split(/\s+/).filter(Boolean);
	const pool = [...new Set(candidates.map((c) => c.toLowerCase()).filter((c) => c.length >= 3))];
	let changed = false;
	const out = words.map((word) => {
		if (word.length < 4 || pool.some((c) => fold(c) === fold(word))) return word;
		let best: string | null = null;
		let bestDistance = word.length >= 8 ? 3 : 2;
		for (const c of pool) {
			const distance = editDistance(fold(word), fold(c));
			if (distance > 0 && distance < bestDistance) [best, bestDistance] = [c, distance];
		}
		if (!best) return word;
		changed = true;
		return best;
	});
	return changed ? out.join(' ') : null;
}

type Hit = { id: string; type: string; title: string; text: string; editionId: string; workshopId: string | null; date: number; room: string | null; url: string; _formatted?: { title?: string; text?: string } };

export function createSearchService(deps: { db: Db; engine: SearchEngine; permissions: SearchPermissions; clock: () => number }) {
	const { db } = deps;
	const editions = db.prepare<[], { id: string; title: string; timezone: string }>('SELECT id, title, timezone FROM editions');
	const workshopTitle = db.prepare<[string], string>('SELECT title FROM workshops WHERE id = ?').pluck();
	const themeLabels = db.prepare<[], { label: string }>('SELECT label FROM themes ORDER BY position');
	const themeNames = db.prepare<[], { label: string; aliases: string }>('SELECT label, aliases FROM themes');
	const tracks = db.prepare<[], { title: string }>('SELECT title FROM tracks ORDER BY edition_id, position');

	function labelsOf(facet: SearchFacet, editionTitles: Map<string, string>): (value: string) => string {
		if (facet === 'edition') return (v) => editionTitles.get(v) ?? v;
		if (facet === 'theme') {
			const labels = new Map<string, string>();
			for (const t of themeLabels.all()) if (!labels.has(themeKey(t.label))) labels.set(themeKey(t.label), t.label.startsWith('#') ? t.label : `#${t.label}`);
			return (v) => labels.get(v) ?? `#${v}`;
		}
		if (facet === 'track') {
			const titles = new Map(tracks.all().map((t) => [trackKey(t.title), t.title]));
			return (v) => titles.get(v) ?? v;
		}
		if (facet === 'format') return (v) => workshopFormatLabels[v as WorkshopFormat] ?? v;
		if (facet === 'type') return (v) => typeLabels[v] ?? v;
		return (v) => v;
	}

	function knownTerms(): string[] {
		return themeNames.all().flatMap((t) => {
			let aliases: unknown = [];
			try {
				aliases = JSON.parse(t.aliases);
			} catch {
				// Malformed aliases: the label alone still counts.
			}
			return [t.label, ...(Array.isArray(aliases) ? aliases : [])].filter((s): s is string => typeof s === 'string').map((s) => s.replace(/^#/, ''));
		});
	}

	async function run(client: Meilisearch, viewer: Viewer | null, input: z.output<typeof searchInputSchema>): Promise<SearchResult> {
		const started = performance.now();
		const rights = deps.permissions.filterFor(viewer, deps.clock());
		const emptyFacets = Object.fromEntries(searchFacets.map((f) => [f, []])) as unknown as Record<SearchFacet, FacetCount[]>;
		if (rights === false) return { status: 'ok', hits: [], total: 0, page: input.page, perPage: input.perPage, facets: emptyFacets, suggestion: null, tookMs: 0 };
		const selected = searchFacets.filter((f) => (input.filters[f]?.length ?? 0) > 0);
		const filterWithout = (skip: SearchFacet | null) => [rights, ...selected.filter((f) => f !== skip).map((f) => facetFilter(f, input.filters[f]!))].filter((x): x is string => !!x);
		const base = { indexUid: INDEX_UID, q: input.q };
		// Facets of a selected group are counted without that group's own filter, so its other values stay offered.
		const queries: MultiSearchQuery[] = [
			{
				...base,
				filter: filterWithout(null),
				facets: searchFacets.filter((f) => !selected.includes(f)).map((f) => facetField[f]),
				hitsPerPage: input.perPage,
				page: input.page,
				attributesToRetrieve: ['id', 'type', 'title', 'text', 'editionId', 'workshopId', 'date', 'room', 'url'],
				attributesToHighlight: ['title', 'text'],
				attributesToCrop: ['text'],
				cropLength: 32,
				cropMarker: '…',
				highlightPreTag: PRE,
				highlightPostTag: POST
			},
			...selected.map((f) => ({ ...base, filter: filterWithout(f), facets: [facetField[f]], hitsPerPage: 0, page: 1 }))
		];
		const { results } = await client.multiSearch({ queries });
		const main = results[0] as unknown as SearchResponse<Hit>;
		const editionInfo = new Map(editions.all().map((e) => [e.id, e]));
		const editionTitles = new Map([...editionInfo].map(([id, e]) => [id, e.title]));
		const distributions: Record<string, Record<string, number>> = { ...(main.facetDistribution ?? {}) };
		selected.forEach((f, i) => Object.assign(distributions, (results[i + 1] as unknown as SearchResponse).facetDistribution ?? {}));
		const facets = Object.fromEntries(
			searchFacets.map((f) => {
				const label = labelsOf(f, editionTitles);
				const counts = Object.entries(distributions[facetField[f]] ?? {}).map(([value, count]) => ({ value, label: label(value), count }));
				return [f, counts.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'))];
			})
		) as Record<SearchFacet, FacetCount[]>;
		const hits: SearchHit[] = main.hits.map((h) => {
			const edition = editionInfo.get(h.editionId);
			const snippet = h._formatted?.text || h.text.slice(0, 200);
			return {
				id: h.id,
				type: (searchHitTypes as readonly string[]).includes(h.type) ? (h.type as SearchHit['type']) : 'pad',
				title: h.title,
				snippet: safeSnippet(snippet),
				url: h.url,
				context: {
					editionTitle: edition?.title ?? '',
					...(h.workshopId ? { workshopTitle: workshopTitle.get(h.workshopId) ?? undefined } : {}),
					...(h.date ? { date: localDateTime(h.date, edition?.timezone ?? 'Europe/Paris'), at: h.date, timeZone: edition?.timezone ?? 'Europe/Paris' } : {}),
					...(h.room ? { room: h.room } : {})
				}
			};
		});
		const total = main.totalHits ?? hits.length;
		// The words the engine matched despite a typo make the suggestion; with few results, known theme names too.
		const matched = main.hits.flatMap((h) => [h._formatted?.title ?? '', h._formatted?.text ?? ''].flatMap((s) => [...s.matchAll(MARKED)].map((m) => m[1]!)));
		const suggestion = input.q ? suggest(input.q, total < 3 ? [...matched, ...knownTerms()] : matched) : null;
		return { status: 'ok', hits, total, page: input.page, perPage: input.perPage, facets, suggestion, tookMs: Math.round(performance.now() - started) };
	}

	return {
		async query(viewer: Viewer | null, raw: SearchInput): Promise<SearchResult> {
			const input = parseInput(searchInputSchema, raw);
			const state = deps.engine.state();
			if (state.status === 'starting') return { status: 'unavailable', reason: 'starting' };
			if (state.status === 'unavailable') return { status: 'unavailable', reason: state.reason };
			try {
				return await run(state.client, viewer, input);
			} catch (e) {
				const message = (e as Error).message;
				if (/ECONNREFUSED|ECONNRESET|socket hang up|no answer|fetch failed|Request/i.test(message) || (e as Error).name === 'MeilisearchRequestError') {
					return { status: 'unavailable', reason: 'unreachable' };
				}
				throw e;
			}
		}
	};
}
export type SearchService = ReturnType<typeof createSearchService>;
