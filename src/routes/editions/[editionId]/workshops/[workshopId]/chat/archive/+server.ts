import { json } from '$lib/server/api';
import { chatEndpoint } from '../chat-endpoint';
import type { RequestHandler } from './$types';

/** Moves the oldest messages out of the live document once it is past its limit; a no-op otherwise. */
export const POST: RequestHandler = chatEndpoint(async ({ locals, params }) => json(await locals.app.chat.archive(locals.viewer, params.workshopId)));
