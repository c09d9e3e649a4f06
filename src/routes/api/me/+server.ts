// GET /api/me: who the token (or session) stands for.
import { AppError } from '$server/shared/errors';
import { handleApi, json, methodFallback } from '$lib/server/api';
import { toApiViewer } from '../shapes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(({ locals }) => {
	if (!locals.viewer) throw new AppError('unauthenticated', 'error.api.tokenRequired');
	return json(toApiViewer(locals.viewer));
});

export const fallback: RequestHandler = methodFallback;
