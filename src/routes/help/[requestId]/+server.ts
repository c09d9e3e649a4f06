import { handleApi, json } from '$lib/server/api';
import { AppError } from '$server/shared/errors';
import { jsonBody } from '../json-body';
import type { RequestHandler } from './$types';

/** The asker's view of their own request (`?t=<token>`): open, claimed by whom, done or cancelled. */
export const GET: RequestHandler = handleApi(({ locals, params, url }) => json(locals.app.helpRequests.state(params.requestId, url.searchParams.get('t') ?? '')), { checkToken: false });

/** `{ token, action: 'cancel' }` */
export const POST: RequestHandler = handleApi(
	async ({ locals, params, request }) => {
		const body = (await jsonBody(request)) as { token?: unknown; action?: unknown };
		if (body.action !== 'cancel' || typeof body.token !== 'string') throw new AppError('invalid', 'error.desk.cancelBody');
		locals.app.helpRequests.cancel(params.requestId, body.token);
		return json(locals.app.helpRequests.state(params.requestId, body.token));
	},
	{ checkToken: false }
);
