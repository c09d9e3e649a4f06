// GET /api/editions/<id>/workshops/<id>: one workshop, only under the edition it belongs to.
import { notFound } from '$server/shared/errors';
import { handleApi, json, methodFallback } from '$lib/server/api';
import { toApiWorkshop } from '../../../../shapes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(({ locals, params }) => {
	const found = locals.app.workshops.get(locals.viewer, params.workshopId);
	if (found.edition.id !== params.editionId) throw notFound('error.workshop.notFound');
	return json({ editionId: found.edition.id, workshop: toApiWorkshop(found.workshop) });
});

export const fallback: RequestHandler = methodFallback;
