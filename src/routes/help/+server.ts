import { handleApi, json } from '$lib/server/api';
import { jsonBody } from './json-body';
import type { RequestHandler } from './$types';

/** `{ workshopId | joinCode, message?, place?, name? }` → `{ id, token }`: the token lets the asker follow and cancel. */
export const POST: RequestHandler = handleApi(async ({ locals, request }) => json(locals.app.helpRequests.create(locals.viewer, await jsonBody(request)), { status: 201 }), { checkToken: false });
