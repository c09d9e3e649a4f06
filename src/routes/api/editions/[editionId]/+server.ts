// GET /api/editions/<id>: the edition and its programme, with the page's filters (?theme=, ?track=, ?format=).
import { invalid } from '$server/shared/errors';
import { workshopFormats } from '$server/shared/vocabulary';
import { handleApi, json, methodFallback } from '$lib/server/api';
import { toApiProgramme } from '../../shapes';
import type { RequestHandler } from './$types';

const FILTERS = ['theme', 'track', 'format'] as const;

export const GET: RequestHandler = handleApi(({ locals, params, url }) => {
	const [theme, track, format] = FILTERS.map((name) => url.searchParams.get(name)?.trim() || null);
	if (format && !(workshopFormats as readonly string[]).includes(format)) {
		throw invalid('error.api.unknownFormat', { format: 'invalidChoice' }, { format: format.slice(0, 40), expected: workshopFormats.join(', ') });
	}
	const programme = locals.app.workshops.programme(locals.viewer, params.editionId, { theme, track, format });
	return json(toApiProgramme(programme, url.origin));
});

export const fallback: RequestHandler = methodFallback;
