import { json } from '$lib/server/api';
import { chatEndpoint, jsonBody } from '../chat-endpoint';
import type { RequestHandler } from './$types';

/** Hidden messages with their text and trace: facilitators only. */
export const GET: RequestHandler = chatEndpoint(async ({ locals, params }) => json({ hidden: await locals.app.chat.hiddenMessages(locals.viewer, params.workshopId) }));

/** `{ messageId, action: 'hide' | 'unhide' }` */
export const POST: RequestHandler = chatEndpoint(async ({ locals, params, request }) => {
	await locals.app.chat.moderate(locals.viewer, params.workshopId, await jsonBody(request));
	return json({ hidden: await locals.app.chat.hiddenMessages(locals.viewer, params.workshopId) });
});
