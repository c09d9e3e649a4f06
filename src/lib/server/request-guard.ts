// The one check on requests that change something: same origin (or a Bearer-token script without cookies), and JSON
// only where an endpoint reads JSON. Called from hooks.server.ts before any route runs; documented in docs/api.md.
import { errorResponse } from './api';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The `+server.ts` routes that read their body as JSON (a unit test keeps this list complete). */
export const JSON_ENDPOINTS: readonly string[] = [
	'/editions/[editionId]/workshops/[workshopId]/chat/archive',
	'/editions/[editionId]/workshops/[workshopId]/chat/moderation',
	'/editions/[editionId]/workshops/[workshopId]/chat/promote',
	'/editions/[editionId]/workshops/[workshopId]/chat/reports',
	'/editions/[editionId]/workshops/[workshopId]/drive/items',
	'/assist',
	'/help',
	'/help/[requestId]'
];

const isJsonEndpoint = (routeId: string | null) => routeId !== null && (JSON_ENDPOINTS.includes(routeId) || routeId === '/api' || routeId.startsWith('/api/'));

function hasBody(request: Request): boolean {
	const length = request.headers.get('content-length');
	return length === null ? request.headers.has('transfer-encoding') || request.body !== null : Number(length) > 0;
}

/** A script with a personal access token and no cookie carries no ambient credentials: nothing to forge. */
function isTokenOnly(request: Request): boolean {
	return /^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '') && !request.headers.has('cookie');
}

/**
 * Browsers send `Origin` with every POST, PUT, PATCH and DELETE: one naming another site, or none at all from a
 * client that holds cookies, is refused (SvelteKit itself checks only form posts). Answers null when the request may go on.
 */
export function refuseUnsafeRequest(event: { request: Request; url: URL; route: { id: string | null } }): Response | null {
	const { request, url } = event;
	if (SAFE_METHODS.has(request.method)) return null;
	if (!isTokenOnly(request)) {
		const origin = request.headers.get('origin');
		const fetchSite = request.headers.get('sec-fetch-site');
		const sameOrigin = origin !== null ? origin === url.origin : fetchSite === 'same-origin';
		if (!sameOrigin) {
			return errorResponse(403, 'forbidden', origin ? `cross-origin ${request.method} requests are refused (Origin ${origin} is not ${url.origin})` : `${request.method} requests must carry an Origin header naming ${url.origin}`);
		}
	}
	if (isJsonEndpoint(event.route.id) && hasBody(request)) {
		const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
		if (type !== 'application/json') {
			return errorResponse(415, 'unsupported_media_type', `this endpoint accepts only Content-Type: application/json (got ${type ?? 'none'})`);
		}
	}
	return null;
}
