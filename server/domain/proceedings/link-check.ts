// Do external links answer? HEAD (then GET), a timeout, few redirects, public addresses only, a few links at a time.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { LinkCheckProblem as LinkProblem, LinkStatus } from '../../shared/proceedings-views';
import { isPublicAddress } from '../programme/import/fetch-source';

export type LinkCheckOptions = { allowPrivate: boolean; timeoutMs: number; maxRedirects: number; concurrency: number };

export const defaultLinkCheck: LinkCheckOptions = { allowPrivate: false, timeoutMs: 8_000, maxRedirects: 5, concurrency: 4 };
// The server answered but refuses robots or strangers: the page exists, a person may well read it.
const RESTRICTED = new Set([401, 403, 429]);
const HEADERS = { 'user-agent': 'MediaLab-link-check/1 (+proceedings)', accept: 'text/html,*/*;q=0.8' };

const broken = (url: string, problem: LinkProblem, status: number | null = null): LinkStatus => ({ url, state: 'broken', status, problem });

/** Null when the host may be fetched; each redirect target goes through the same check. */
async function refusal(url: URL, allowPrivate: boolean): Promise<LinkProblem | null> {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'notHttp';
	if (allowPrivate) return null;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
	if (addresses.length === 0) return 'unknownHost';
	return addresses.every(isPublicAddress) ? null : 'privateAddress';
}

/** One request, redirects followed by hand so each hop is checked; the body is never read. */
async function request(start: URL, method: 'HEAD' | 'GET', options: LinkCheckOptions, signal: AbortSignal): Promise<LinkStatus> {
	let url = start;
	for (let hop = 0; hop <= options.maxRedirects; hop++) {
		const refused = await refusal(url, options.allowPrivate);
		if (refused) return broken(start.href, refused);
		const response = await fetch(url, { method, redirect: 'manual', signal, headers: HEADERS });
		await response.body?.cancel();
		const location = response.headers.get('location');
		if (response.status >= 300 && response.status < 400 && location) {
			url = new URL(location, url);
			continue;
		}
		if (response.ok) return { url: start.href, state: 'ok', status: response.status, problem: null };
		return RESTRICTED.has(response.status) ? { url: start.href, state: 'restricted', status: response.status, problem: 'status' } : broken(start.href, 'status', response.status);
	}
	return broken(start.href, 'tooManyRedirects');
}

export async function checkLink(raw: string, options: LinkCheckOptions = defaultLinkCheck): Promise<LinkStatus> {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return broken(raw, 'notHttp');
	}
	const signal = AbortSignal.timeout(options.timeoutMs);
	try {
		const head = await request(url, 'HEAD', options, signal);
		// Some servers answer HEAD with 404 or 405 and GET with the page: a failing HEAD is asked again with GET.
		return head.state === 'broken' && head.problem === 'status' ? await request(url, 'GET', options, signal) : head;
	} catch (e) {
		return broken(url.href, (e as Error).name === 'TimeoutError' || signal.aborted ? 'timeout' : 'unreachable');
	}
}

/** Each distinct URL once, `concurrency` at a time; answers in the order asked. */
export async function checkLinks(urls: string[], options: Partial<LinkCheckOptions> = {}): Promise<LinkStatus[]> {
	const settings = { ...defaultLinkCheck, ...options };
	const distinct = [...new Set(urls)];
	const results = new Map<string, LinkStatus>();
	let next = 0;
	const worker = async () => {
		while (next < distinct.length) {
			const url = distinct[next++]!;
			results.set(url, await checkLink(url, settings));
		}
	};
	await Promise.all(Array.from({ length: Math.min(settings.concurrency, distinct.length) }, worker));
	return distinct.map((u) => results.get(u)!);
}
