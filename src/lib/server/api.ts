// Helpers for the JSON API under /api: responses, CORS, the error envelope and the health report. Documented in docs/api.md.
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '$server/app';
import { rootLogger } from '$server/log';
import { httpStatusOf, isAppError, type ErrorCode } from '$server/shared/errors';
import { errorText } from './error-text';
import type { Locale } from '$lib/i18n/locales';

export const API_VERSION = '1';

/** Codes the API adds to the domain's: an unexpected failure and a method the endpoint does not serve. */
export type ApiErrorCode = ErrorCode | 'internal' | 'method_not_allowed' | 'unsupported_media_type';
export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fields?: Record<string, string>; errorId?: string } };

/**
 * Any origin may read the API, never with credentials: a cross-origin page gets public data, or
 * whatever its own Bearer token grants, but never rides on the visitor's session cookie.
 */
const CORS_HEADERS: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

export type JsonInit = {
	status?: number;
	headers?: Record<string, string>;
	/** Cache-Control value; `no-store` unless the answer is the same for every caller. */
	cache?: string;
};

/** A JSON response with the API's CORS and caching headers. */
export function json(data: unknown, init: JsonInit = {}): Response {
	return new Response(JSON.stringify(data), {
		status: init.status ?? 200,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': init.cache ?? 'no-store',
			...CORS_HEADERS,
			...init.headers
		}
	});
}

/** The error envelope `{ error: { code, message } }` with its HTTP status. */
export function errorResponse(status: number, code: ApiErrorCode, message: string, extra: { fields?: Record<string, string>; errorId?: string; headers?: Record<string, string> } = {}): Response {
	const body: ApiErrorBody = { error: { code, message } };
	if (extra.fields && Object.keys(extra.fields).length > 0) body.error.fields = extra.fields;
	if (extra.errorId) body.error.errorId = extra.errorId;
	const headers = { ...extra.headers };
	if (status === 401) headers['WWW-Authenticate'] ??= 'Bearer realm="medialab"';
	if (status === 405) headers['Allow'] = ALLOWED_METHODS;
	return json(body, { status, headers });
}

/** Turns a domain AppError into its JSON response; anything else is rethrown. */
export function apiError(e: unknown, locale?: Locale): Response {
	if (isAppError(e)) {
		const retryAfter = e.hint?.retryAfterS;
		return errorResponse(httpStatusOf[e.code], e.code, errorText(e, locale), { fields: e.fields, headers: retryAfter ? { 'Retry-After': String(retryAfter) } : {} });
	}
	throw e;
}

/** Answer to a CORS preflight (a cross-origin GET carrying `Authorization` sends one). */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS_HEADERS,
			'Access-Control-Allow-Methods': ALLOWED_METHODS,
			'Access-Control-Allow-Headers': 'Authorization',
			'Access-Control-Max-Age': '86400'
		}
	});
}

/** `fallback` export of every API endpoint: preflights for OPTIONS, a JSON 405 for other methods. */
export function methodFallback({ request }: { request: Request }): Response {
	if (request.method === 'OPTIONS') return preflight();
	return errorResponse(405, 'method_not_allowed', `${request.method} is not supported here; the API is read-only (${ALLOWED_METHODS})`);
}

/** The hook reads Bearer tokens on /api/ paths only; a token it could not match leaves the caller anonymous. */
export function hasRejectedToken(event: Pick<RequestEvent, 'request' | 'url' | 'locals'>): boolean {
	return event.locals.viewer === null && event.url.pathname.startsWith('/api/') && /^Bearer\s+\S+$/i.test(event.request.headers.get('authorization') ?? '');
}

/**
 * Wraps an endpoint: an unknown or revoked token is a 401 (not a silent fall back to anonymous),
 * AppErrors become the error envelope, unexpected errors a logged 500 in the same envelope.
 */
export function handleApi<E extends RequestEvent>(fn: (event: E) => Response | Promise<Response>, options: { checkToken?: boolean } = {}) {
	return async (event: E): Promise<Response> => {
		if ((options.checkToken ?? true) && hasRejectedToken(event)) {
			return errorResponse(401, 'unauthenticated', 'unknown or revoked access token', {
				headers: { 'WWW-Authenticate': 'Bearer realm="medialab", error="invalid_token"' }
			});
		}
		try {
			return await fn(event);
		} catch (e) {
			if (isAppError(e)) return apiError(e, event.locals.locale);
			const errorId = crypto.randomUUID().slice(0, 8);
			rootLogger().error({ errorId, err: e, path: event.url.pathname }, 'API request failed');
			return errorResponse(500, 'internal', 'Internal error', { errorId });
		}
	};
}

export type HealthReport = {
	status: 'ok' | 'degraded';
	checks: Record<string, { ok: boolean; detail?: string }>;
	time: string;
};

/** Runs every registered component check; a check that throws counts as failed. */
export function healthReport(health: App['health'], now: Date = new Date()): HealthReport {
	const checks: HealthReport['checks'] = {};
	for (const [name, check] of health) {
		try {
			const { ok, detail } = check();
			checks[name] = detail === undefined ? { ok } : { ok, detail };
		} catch (e) {
			checks[name] = { ok: false, detail: e instanceof Error ? e.message : String(e) };
		}
	}
	const status = Object.values(checks).every((c) => c.ok) ? 'ok' : 'degraded';
	return { status, checks, time: now.toISOString() };
}
