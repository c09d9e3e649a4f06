import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { apiError, errorResponse, handleApi, hasRejectedToken, healthReport, json, methodFallback } from '$lib/server/api';
import { formAction } from '$lib/server/forms';
import { rootLogger } from '$server/log';
import { AppError } from '$server/shared/errors';
import type { EditionRow } from '$server/domain/editions/editions.repo';
import type { WorkshopView } from '$server/domain/programme/programme-view';
import type { Viewer } from '$server/domain/types';
import { mergeEditions, toApiEdition, toApiWorkshop } from '../../../src/routes/api/shapes';

const viewer: Viewer = { id: 'u1', username: 'camille', displayName: 'Camille', isGuest: false, isAdmin: false };

function fakeEvent(opts: { path?: string; authorization?: string; viewer?: Viewer | null } = {}) {
	const url = new URL(`http://localhost${opts.path ?? '/api/editions'}`);
	const headers = new Headers(opts.authorization ? { authorization: opts.authorization } : {});
	return { url, request: new Request(url, { headers }), locals: { viewer: opts.viewer ?? null } } as unknown as RequestEvent;
}

describe('json', () => {
	it('sends JSON with CORS for any origin, never credentials, and no-store by default', async () => {
		const res = json({ a: 1 });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-allow-credentials')).toBeNull();
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({ a: 1 });
	});
	it('takes a status and a cache policy', () => {
		const res = json({}, { status: 503, cache: 'public, max-age=60' });
		expect(res.status).toBe(503);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
	});
});

describe('errors', () => {
	it('maps every AppError code to its status and the envelope', async () => {
		const cases = [
			['not_found', 404],
			['forbidden', 403],
			['unauthenticated', 401],
			['invalid', 400],
			['conflict', 409],
			['too_large', 413],
			['unavailable', 503],
			['insufficient_storage', 507],
			['rate_limited', 429]
		] as const;
		for (const [code, status] of cases) {
			const res = apiError(new AppError(code, `${code} happened`));
			expect(res.status).toBe(status);
			expect(await res.json()).toEqual({ error: { code, message: `${code} happened` } });
		}
	});
	it('keeps field errors when there are some, and asks for a Bearer token on 401', async () => {
		const res = apiError(new AppError('invalid', 'bad', { format: 'invalidChoice' }));
		expect(await res.json()).toEqual({ error: { code: 'invalid', message: 'bad', fields: { format: 'invalidChoice' } } });
		expect(errorResponse(401, 'unauthenticated', 'x').headers.get('www-authenticate')).toMatch(/^Bearer/);
	});
	it('says when to try again after a rate_limited refusal, as Retry-After and in a failed form', async () => {
		const refusal = new AppError('rate_limited', 'too many failed log-ins; try again in 4 s', { _: 'tooManyAttempts' }, { retryAfterS: 4 });
		const res = apiError(refusal);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('4');
		const form = new FormData();
		form.set('username', 'alice');
		form.set('password', 'secret');
		const failed = await formAction(new Request('http://localhost/login', { method: 'POST', body: form }), () => {
			throw refusal;
		});
		expect(failed).toMatchObject({ status: 429, data: { errors: { _: 'tooManyAttempts' }, retryAfterS: 4, values: { username: 'alice' } } });
		expect(JSON.stringify(failed)).not.toContain('secret');
	});
	it('rethrows anything that is not an AppError', () => {
		const boom = new Error('boom');
		expect(() => apiError(boom)).toThrow(boom);
	});
	it('answers preflights and refuses other methods with a JSON 405', async () => {
		const pre = methodFallback({ request: new Request('http://localhost/api/editions', { method: 'OPTIONS' }) });
		expect(pre.status).toBe(204);
		expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization');
		const post = methodFallback({ request: new Request('http://localhost/api/editions', { method: 'POST' }) });
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
		expect(((await post.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
	});
});

describe('handleApi', () => {
	it('turns AppErrors into the envelope', async () => {
		const res = await handleApi(() => {
			throw new AppError('not_found', 'edition not found');
		})(fakeEvent());
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'edition not found' } });
	});
	it('logs unexpected errors and answers a 500 in the same envelope', async () => {
		const log = vi.spyOn(rootLogger(), 'error').mockImplementation(() => {});
		const res = await handleApi(() => {
			throw new Error('disk on fire');
		})(fakeEvent());
		expect(res.status).toBe(500);
		const body = (await res.json()) as { error: { code: string; message: string; errorId: string } };
		expect(body.error).toMatchObject({ code: 'internal', message: 'Internal error' });
		expect(body.error.errorId).toMatch(/^[0-9a-f]{8}$/);
		expect(JSON.stringify(body)).not.toContain('disk on fire');
		expect(log).toHaveBeenCalledWith(expect.objectContaining({ errorId: body.error.errorId, err: expect.objectContaining({ message: 'disk on fire' }) }), 'API request failed');
		log.mockRestore();
	});
	it('refuses a Bearer token the hook could not match instead of treating the caller as anonymous', async () => {
		const handler = handleApi(() => json({ ok: true }));
		expect(hasRejectedToken(fakeEvent({ authorization: 'Bearer mlpat_nope' }))).toBe(true);
		expect((await handler(fakeEvent({ authorization: 'Bearer mlpat_nope' }))).status).toBe(401);
		expect((await handler(fakeEvent({ authorization: 'Bearer mlpat_ok', viewer }))).status).toBe(200);
		expect((await handler(fakeEvent())).status).toBe(200);
		expect((await handleApi(() => json({}), { checkToken: false })(fakeEvent({ authorization: 'Bearer x' }))).status).toBe(200);
	});
});

describe('healthReport', () => {
	it('is ok when every check is', () => {
		const report = healthReport(new Map([['database', () => ({ ok: true })]]), new Date('2018-09-13T07:00:00Z'));
		expect(report).toEqual({ status: 'ok', checks: { database: { ok: true } }, time: '2018-09-13T07:00:00.000Z' });
	});
	it('is degraded when a check fails or throws', () => {
		const report = healthReport(
			new Map<string, () => { ok: boolean; detail?: string }>([
				['database', () => ({ ok: true })],
				['realtime', () => ({ ok: false, detail: 'not listening' })],
				[
					'search',
					() => {
						throw new Error('index missing');
					}
				]
			])
		);
		expect(report.status).toBe('degraded');
		expect(report.checks).toEqual({
			database: { ok: true },
			realtime: { ok: false, detail: 'not listening' },
			search: { ok: false, detail: 'index missing' }
		});
	});
});

const edition = (id: string, startsOn: string, status: 'draft' | 'published' = 'published'): EditionRow => ({
	id,
	series_id: 's1',
	series_title: 'Numérique en Commun[s]',
	title: `Numérique en Commun[s] ${startsOn.slice(0, 4)}`,
	city: 'Nantes',
	venue: 'Stereolux',
	starts_on: startsOn,
	ends_on: startsOn,
	timezone: 'Europe/Paris',
	description: '',
	licence: 'etalab-2.0',
	status,
	chat_public: 0,
	workspace_public: 0,
	close_delay_minutes: 120,
	created_by: 'secret-user',
	created_at: '2018-01-01T00:00:00Z',
	updated_at: '2018-01-01T00:00:00Z'
});

describe('shapes', () => {
	it('exposes an edition without internal fields, with its page URL', () => {
		const api = toApiEdition(edition('e1', '2018-09-13'), 'https://medialab.example');
		expect(api.url).toBe('https://medialab.example/editions/e1');
		expect(api.series).toBe('Numérique en Commun[s]');
		expect(Object.keys(api)).not.toContain('created_by');
		expect(JSON.stringify(api)).not.toContain('secret-user');
	});
	it('merges published and own editions once each, most recent first', () => {
		const merged = mergeEditions([edition('e2018', '2018-09-13'), edition('e2019', '2019-09-13')], [edition('e2019', '2019-09-13'), edition('draft', '2020-01-01', 'draft')]);
		expect(merged.map((e) => e.id)).toEqual(['draft', 'e2019', 'e2018']);
	});
	it('exposes facilitators by name only', () => {
		const w: WorkshopView = {
			id: 'w1',
			title: 'Produire des communs',
			format: 'atelier-contributif',
			description: '',
			speakers: 'Inno3',
			startsAt: '2018-09-13T14:00',
			endsAt: '2018-09-13T15:30',
			day: '2018-09-13',
			status: 'closed',
			room: { id: 'r1', name: 'La Fabrique', venue: '' },
			track: { id: 't1', title: 'Communs numériques', position: 0 },
			themes: [{ id: 'th1', label: '#communs' }],
			facilitators: [{ id: 'guest-user-id', displayName: 'Camille' }]
		};
		const api = toApiWorkshop(w);
		expect(api).toMatchObject({ roomId: 'r1', trackId: 't1', themeIds: ['th1'], facilitators: [{ displayName: 'Camille' }] });
		expect(JSON.stringify(api)).not.toContain('guest-user-id');
	});
});
