// pretalx REST API by URL: follows the talk list's pages, then reads the event's speakers, rooms, tracks and submission types.
import { isAppError } from '../../../shared/errors';
import { MAX_SOURCE_BYTES } from './parse-source';

type Obj = Record<string, unknown>;
type FetchText = (url: string) => Promise<string>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Enough for 50 pages of the largest page pretalx serves; a runaway `next` chain stops there. */
const MAX_PAGES = 50;
const TALK_LIST = /^(.*\/api\/events\/[^/]+\/)(talks|submissions)\/?$/;
const SIDE_ENDPOINTS = { speakers: 'speakers/', rooms: 'rooms/', tracks: 'tracks/', submission_types: 'submission-types/' } as const;
export type PretalxLookups = Partial<Record<keyof typeof SIDE_ENDPOINTS, Obj[]>>;

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return null;
	}
};

/** Pages stay on the first page's origin: a `next` elsewhere ends the list rather than leading the server away. */
async function readPages(first: Obj, firstUrl: URL, fetchText: FetchText): Promise<Obj[]> {
	const results = Array.isArray(first.results) ? first.results.filter(isObj) : [];
	let page = first;
	let bytes = 0;
	for (let n = 1; n < MAX_PAGES && typeof page.next === 'string'; n++) {
		const next = new URL(page.next, firstUrl);
		if (next.origin !== firstUrl.origin) break;
		const text = await fetchText(next.href);
		bytes += text.length;
		const data = parseJson(text);
		if (!isObj(data) || !Array.isArray(data.results) || bytes > MAX_SOURCE_BYTES) break;
		results.push(...data.results.filter(isObj));
		page = data;
	}
	return results;
}

/** Only what naming needs is kept: a speaker's code and public name, an id and its (multilingual) name. */
const keepNames = (rows: Obj[]) => rows.map((r) => ({ code: r.code, id: r.id, name: r.name ?? r.public_name }));

/** An endpoint missing (older pretalx), private or unreadable is skipped: the talk list alone still imports. */
async function readSideEndpoint(url: URL, fetchText: FetchText): Promise<Obj[] | undefined> {
	try {
		const data = parseJson(await fetchText(url.href));
		if (!isObj(data) || !Array.isArray(data.results)) return undefined;
		return keepNames(await readPages(data, url, fetchText));
	} catch (e) {
		if (isAppError(e)) return undefined;
		throw e;
	}
}

/**
 * Fetches `url` with `fetchText` (which applies the size, time and address rules). A pretalx talk or submission list
 * comes back as one JSON document: every page's results plus `pretalx` lookups; anything else comes back untouched.
 */
export async function fetchProgrammeSource(raw: string, fetchText: FetchText): Promise<string> {
	const text = await fetchText(raw);
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return text;
	}
	const match = TALK_LIST.exec(url.pathname);
	const data = match ? parseJson(text) : null;
	if (!match || !isObj(data) || !Array.isArray(data.results)) return text;
	const results = await readPages(data, url, fetchText);
	const pretalx: PretalxLookups = {};
	for (const [key, path] of Object.entries(SIDE_ENDPOINTS) as [keyof typeof SIDE_ENDPOINTS, string][]) {
		const rows = await readSideEndpoint(new URL(`${match[1]}${path}`, url), fetchText);
		if (rows) pretalx[key] = rows;
	}
	return JSON.stringify({ count: results.length, next: null, results, pretalx });
}
