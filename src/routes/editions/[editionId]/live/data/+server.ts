import { handleApi, json } from '$lib/server/api';
import { wallWithCodes } from '$lib/server/wall-view';
import type { RequestHandler } from './$types';

/** The wall refreshes itself from here: the same data as the page, as JSON. */
export const GET: RequestHandler = handleApi(async ({ locals, params, url }) => json(await wallWithCodes(locals.app, locals.viewer, params.editionId, url.origin)), { checkToken: false });
