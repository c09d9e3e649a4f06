import { json } from '$lib/server/api';
import { chatEndpoint } from '../chat-endpoint';
import type { RequestHandler } from './$types';

/** Older chat messages, one page per call: `?before=<cursor>` from the previous page's `nextCursor`. */
export const GET: RequestHandler = chatEndpoint(async ({ locals, params, url }) => json(await locals.app.chat.history(locals.viewer, params.workshopId, url.searchParams.get('before'))));
