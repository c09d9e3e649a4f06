// The one search index and its settings: applied at every start, only when they differ, so applying is idempotent.
import type { Meilisearch, Settings } from 'meilisearch';
import type { Db } from '../db/open';
import { themeKey } from '../shared/themes';

export const INDEX_UID = 'medialab';

/** Common French words that carry no meaning on their own; Meilisearch has no built-in list. */
export const frenchStopWords = [
	'a', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'dans', 'de', 'des', 'du', 'elle', 'en', 'et', 'eux', 'il', 'ils', 'je', 'la', 'le', 'les',
	'leur', 'leurs', 'lui', 'ma', 'mais', 'me', 'mes', 'moi', 'mon', 'ne', 'nos', 'notre', 'nous', 'on', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui',
	'sa', 'se', 'ses', 'son', 'sur', 'ta', 'te', 'tes', 'toi', 'ton', 'tu', 'un', 'une', 'vos', 'votre', 'vous', 'c', 'd', 'j', 'l', 'm', 'n', 's', 't',
	'y', 'est', 'sont', 'été', 'être', 'ont', 'été', 'était'
];

/** Spellings that mean the same thing everywhere, whatever the editions say. */
const baseSynonyms: string[][] = [
	['tiers-lieu', 'tiers-lieux', 'tiers lieu', 'tiers lieux'],
	['médialab', 'medialab', 'média lab'],
	['numérique', 'numerique'],
	['données', 'data'],
	['communs', 'commun']
];

/** Each group's words map to every other word of the group; theme aliases of every edition join the groups. */
export function buildSynonyms(groups: string[][]): Record<string, string[]> {
	const merged: Set<string>[] = [];
	for (const group of groups) {
		const words = new Set(group.map((w) => w.replace(/^#/, '').trim().toLowerCase()).filter(Boolean));
		if (words.size < 2) continue;
		const overlapping = merged.filter((m) => [...words].some((w) => m.has(w)));
		const into = overlapping[0] ?? new Set<string>();
		if (!overlapping.length) merged.push(into);
		for (const w of words) into.add(w);
		for (const other of overlapping.slice(1)) {
			for (const w of other) into.add(w);
			merged.splice(merged.indexOf(other), 1);
		}
	}
	const synonyms: Record<string, string[]> = {};
	for (const group of merged) for (const word of group) synonyms[word] = [...group].filter((w) => w !== word).sort();
	return synonyms;
}

/** Theme label + aliases of every edition, grouped by the theme's key (« #Données » and « donnees » are one theme). */
export function themeSynonymGroups(db: Db): string[][] {
	const rows = db.prepare<[], { label: string; aliases: string }>('SELECT label, aliases FROM themes').all();
	const byKey = new Map<string, Set<string>>();
	for (const row of rows) {
		let aliases: unknown = [];
		try {
			aliases = JSON.parse(row.aliases);
		} catch {
			// A malformed alias list must not stop the search settings.
		}
		const names = [row.label, ...(Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [])];
		const set = byKey.get(themeKey(row.label)) ?? new Set<string>();
		for (const n of names) set.add(n.replace(/^#/, '').trim().toLowerCase());
		byKey.set(themeKey(row.label), set);
	}
	return [...byKey.values()].map((s) => [...s]);
}

export function indexSettings(db: Db): Settings {
	return {
		searchableAttributes: ['title', 'themeNames', 'text', 'parent'],
		filterableAttributes: ['type', 'editionId', 'workshopId', 'padId', 'themes', 'track', 'format', 'licence', 'year', 'access', 'closedFrom', 'rev'],
		sortableAttributes: ['date'],
		displayedAttributes: ['id', 'type', 'title', 'parent', 'text', 'editionId', 'workshopId', 'padId', 'anchor', 'date', 'room', 'url'],
		rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'date:desc'],
		stopWords: frenchStopWords,
		synonyms: buildSynonyms([...baseSynonyms, ...themeSynonymGroups(db)]),
		typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
		faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
		pagination: { maxTotalHits: 1000 },
		localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }]
	};
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Creates the index when missing and applies only the settings that changed (a settings change re-indexes everything). */
export async function applyIndexSettings(client: Meilisearch, db: Db): Promise<boolean> {
	const index = client.index(INDEX_UID);
	try {
		await index.getRawInfo();
	} catch {
		await client.createIndex(INDEX_UID, { primaryKey: 'id' }).waitTask();
	}
	const wanted = indexSettings(db);
	const current = (await index.getSettings()) as Record<string, unknown>;
	const changed: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(wanted)) {
		const now = current[key];
		const normalise = (v: unknown) => (Array.isArray(v) && key !== 'searchableAttributes' && key !== 'rankingRules' && key !== 'displayedAttributes' ? [...v].sort() : v);
		if (key === 'typoTolerance' || key === 'faceting' || key === 'pagination') {
			const sub = (now ?? {}) as Record<string, unknown>;
			if (Object.entries(value as Record<string, unknown>).some(([k, v]) => !sameJson(sub[k], v))) changed[key] = value;
		} else if (key === 'synonyms') {
			const sorted = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, string[]>).map(([k, v]) => [k, [...v].sort()]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
			if (!sameJson(sorted(now), sorted(value))) changed[key] = value;
		} else if (!sameJson(normalise(now), normalise(value))) changed[key] = value;
	}
	if (Object.keys(changed).length === 0) return false;
	await index.updateSettings(changed as Settings).waitTask({ timeout: 120_000 });
	return true;
}
