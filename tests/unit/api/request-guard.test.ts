// Requests that change something: same origin only (or a token-only script), and JSON only where an endpoint reads JSON.
import fs from 'node:fs';
import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { JSON_ENDPOINTS, refuseUnsafeRequest } from '$lib/server/request-guard';
import { handle } from '../../../src/hooks.server';

const ORIGIN = 'http://medialab.test';
const PROMOTE = '/editions/[editionId]/workshops/[workshopId]/chat/promote';

function event(routeId: string | null, init: { method?: string; headers?: Record<string, string>; body?: string | FormData }) {
	const url = new URL(`${ORIGIN}/editions/e1/workshops/w1/chat/promote`);
	return { request: new Request(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body }), url, route: { id: routeId } };
}
const json = { 'content-type': 'application/json', cookie: 'ml_session=abc' };

async function refusal(e: ReturnType<typeof event>) {
	const response = refuseUnsafeRequest(e);
	return response ? { status: response.status, code: ((await response.json()) as { error: { code: string; message: string } }).error.code } : null;
}

describe('the request guard', () => {
	it('lets a same-origin JSON call through, and every GET', async () => {
		expect(await refusal(event(PROMOTE, { headers: { ...json, origin: ORIGIN }, body: '{}' }))).toBeNull();
		expect(await refusal(event(PROMOTE, { headers: { ...json, 'sec-fetch-site': 'same-origin' }, body: '{}' }))).toBeNull();
		expect(await refusal(event(PROMOTE, { method: 'GET', headers: { origin: 'https://evil.example' } }))).toBeNull();
	});

	it('refuses another origin, or no origin at all from a client holding cookies, with 403', async () => {
		expect(await refusal(event(PROMOTE, { headers: { ...json, origin: 'https://evil.example' }, body: '{}' }))).toEqual({ status: 403, code: 'forbidden' });
		expect(await refusal(event(PROMOTE, { headers: json, body: '{}' }))).toEqual({ status: 403, code: 'forbidden' });
		expect(await refusal(event(PROMOTE, { headers: { ...json, 'sec-fetch-site': 'cross-site' }, body: '{}' }))).toEqual({ status: 403, code: 'forbidden' });
		// A page form posted from another site is refused too (not only JSON).
		expect(await refusal(event('/login', { headers: { origin: 'https://evil.example', cookie: 'x=1' }, body: new FormData() }))).toEqual({ status: 403, code: 'forbidden' });
	});

	it('lets a Bearer-token script without cookies call from anywhere', async () => {
		const headers = { 'content-type': 'application/json', authorization: 'Bearer tok_123', origin: 'https://elsewhere.example' };
		expect(await refusal(event('/api/me', { headers, body: '{}' }))).toBeNull();
		expect(await refusal(event('/api/me', { headers: { ...headers, cookie: 'ml_session=abc' }, body: '{}' }))).toEqual({ status: 403, code: 'forbidden' });
	});

	it('refuses a body that is not JSON on a JSON endpoint with 415, and leaves page forms alone', async () => {
		const sameOrigin = { origin: ORIGIN, cookie: 'ml_session=abc' };
		expect(await refusal(event(PROMOTE, { headers: { ...sameOrigin, 'content-type': 'text/plain' }, body: '{}' }))).toEqual({ status: 415, code: 'unsupported_media_type' });
		expect(await refusal(event(PROMOTE, { headers: sameOrigin, body: new FormData() }))).toEqual({ status: 415, code: 'unsupported_media_type' });
		expect(await refusal(event(PROMOTE, { headers: { ...sameOrigin, 'content-type': 'application/json; charset=utf-8' }, body: '{}' }))).toBeNull();
		expect(await refusal(event('/login', { headers: sameOrigin, body: new FormData() }))).toBeNull();
	});

	it('is applied by the server hook before any route runs', async () => {
		const e = event(PROMOTE, { headers: { ...json, origin: 'https://evil.example' }, body: '{}' });
		const response = await handle({ event: e as unknown as RequestEvent, resolve: () => Promise.reject(new Error('the route must not run')) });
		expect(response.status).toBe(403);
	});

	it('knows every +server.ts route that reads a JSON body', () => {
		const routes = path.resolve('src/routes');
		const readers = fs
			.readdirSync(routes, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('+server.ts'))
			.filter((file) => /request\.json\(|jsonBody\(/.test(fs.readFileSync(path.join(routes, file), 'utf8')))
			.map((file) => `/${path.dirname(file).split(path.sep).join('/')}`);
		expect(readers.length).toBeGreaterThan(0);
		for (const id of readers) expect(JSON_ENDPOINTS.includes(id) || id.startsWith('/api'), id).toBe(true);
	});
});
