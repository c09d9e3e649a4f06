// GET /api/editions: published editions, plus the drafts the caller belongs to.
import { handleApi, json, methodFallback } from '$lib/server/api';
import { mergeEditions, toApiEdition } from '../shapes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(({ locals, url }) => {
	const { app, viewer } = locals;
	const rows = mergeEditions(app.editions.listPublished(), app.editions.listOwn(viewer));
	return json({ editions: rows.map((row) => toApiEdition(row, url.origin)) });
});

export const fallback: RequestHandler = methodFallback;
