// Fetches a public schedule URL for import: http(s) only, public addresses only (unless allowed), 10 s, 5 MB, 3 redirects.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../../shared/errors';
import { MAX_SOURCE_BYTES } from './parse-source';

export type FetchSourceOptions = { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number };
const MAX_REDIRECTS = 3;

/** Loopback, private, link-local, CGNAT, multicast, reserved… everything but the public unicast internet. */
export function isPublicAddress(address: string): boolean {
	if (!ipaddr.isValid(address)) return false;
	return ipaddr.process(address).range() === 'unicast';
}

async function assertAllowedHost(url: URL, allowPrivate: boolean) {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('invalid', 'error.import.httpOnly', { url: 'invalidUrl' }, {}, { protocol: url.protocol });
	if (allowPrivate) return;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
	if (addresses.length === 0) throw new AppError('invalid', 'error.import.hostUnknown', { url: 'unreachableUrl' }, {}, { host });
	// Every address the name resolves to must be public: one private answer is enough to refuse.
	if (!addresses.every(isPublicAddress)) throw new AppError('forbidden', 'error.import.privateAddress', { url: 'privateUrl' }, {}, { host });
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	if (declared > maxBytes) throw new AppError('too_large', 'error.import.tooLargeMb', { url: 'tooLarge' }, {}, { mb: maxBytes / 1024 / 1024 });
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of response.body ?? []) {
		total += chunk.byteLength;
		if (total > maxBytes) throw new AppError('too_large', 'error.import.tooLargeMb', { url: 'tooLarge' }, {}, { mb: maxBytes / 1024 / 1024 });
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Each redirect is checked like the first address. The check resolves the name before fetch resolves it again, so a
 * DNS answer that changes in between (rebinding) is not caught: a proxy that refuses private ranges closes that gap.
 */
export async function fetchSource(raw: string, options: FetchSourceOptions): Promise<string> {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new AppError('invalid', 'error.import.notAnAddress', { url: 'invalidUrl' }, {}, { address: raw.slice(0, 200) });
	}
	const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
	try {
		for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
			await assertAllowedHost(url, options.allowPrivate);
			const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'application/json, application/xml, text/calendar, text/csv, */*;q=0.5' } });
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location) {
				await response.body?.cancel();
				url = new URL(location, url);
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel();
				throw new AppError('invalid', 'error.import.httpStatus', { url: 'unreachableUrl' }, {}, { host: url.host, status: `${response.status} ${response.statusText}` });
			}
			return await readCapped(response, options.maxBytes ?? MAX_SOURCE_BYTES);
		}
		throw new AppError('invalid', 'error.import.tooManyRedirects', { url: 'unreachableUrl' }, {}, { max: MAX_REDIRECTS });
	} catch (e) {
		if (e instanceof AppError) throw e;
		const timedOut = (e as Error).name === 'TimeoutError' || signal.aborted;
		throw new AppError('invalid', timedOut ? 'error.import.timeout' : 'error.import.unreachable', { url: 'unreachableUrl' }, {}, { host: url.host, seconds: (options.timeoutMs ?? 10_000) / 1000, reason: (e as Error).message });
	}
}
