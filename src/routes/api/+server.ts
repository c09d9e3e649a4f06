// GET /api: what the API offers and where it is documented.
import { API_VERSION, handleApi, json, methodFallback } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(({ url }) => {
	const base = `${url.origin}/api`;
	return json({
		name: 'MédiaLab API',
		version: API_VERSION,
		docs: 'docs/api.md',
		authentication: 'Authorization: Bearer mlpat_… (personal access tokens are created at /account/tokens); public data needs none',
		links: {
			self: base,
			health: `${base}/health`,
			me: `${base}/me`,
			editions: `${base}/editions`,
			edition: `${base}/editions/{editionId}`,
			workshop: `${base}/editions/{editionId}/workshops/{workshopId}`
		}
	});
});

export const fallback: RequestHandler = methodFallback;
