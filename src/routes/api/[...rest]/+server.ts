// Any other /api/* path, whatever the method: a JSON 404 rather than the HTML error page.
import { errorResponse, preflight } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = ({ request, url }) =>
	request.method === 'OPTIONS' ? preflight() : errorResponse(404, 'not_found', `no API endpoint at ${url.pathname}; see GET /api`);
