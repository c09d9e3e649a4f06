// The Meilisearch JS client over a keep-alive node:http agent: Node's fetch opens a connection per request (~40 ms here).
import http from 'node:http';
import https from 'node:https';
import { Meilisearch, MeilisearchApiError, type MeilisearchErrorResponse } from 'meilisearch';

export type MeiliConnection = { client: Meilisearch; url: string; close: () => void };

type Init = { method?: string; body?: unknown; headers?: HeadersInit; signal?: AbortSignal | null };

export function createKeepAliveHttpClient(timeoutMs: number) {
	const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }) };
	async function request(input: string | URL | Request, init: Init = {}): Promise<unknown> {
		const url = new URL(input instanceof Request ? input.url : input);
		const headers = Object.fromEntries(new Headers(init.headers).entries());
		const body = typeof init.body === 'string' ? init.body : undefined;
		const transport = url.protocol === 'https:' ? https : http;
		const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
			const req = transport.request(
				url,
				{ method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], timeout: timeoutMs, signal: init.signal ?? undefined },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
					res.on('error', reject);
				}
			);
			req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
			req.on('error', reject);
			req.end(body);
		});
		const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
		if (status < 200 || status >= 300) throw new MeilisearchApiError(new Response(text || null, { status }), parsed as MeilisearchErrorResponse);
		return parsed;
	}
	return {
		request,
		close() {
			agents['http:'].destroy();
			agents['https:'].destroy();
		}
	};
}

export function connectMeilisearch(url: string, apiKey: string, options: { timeoutMs?: number } = {}): MeiliConnection {
	const http = createKeepAliveHttpClient(options.timeoutMs ?? 10_000);
	const client = new Meilisearch({ host: url, apiKey, httpClient: http.request, defaultWaitOptions: { timeout: 30_000, interval: 20 } });
	return { client, url, close: http.close };
}
