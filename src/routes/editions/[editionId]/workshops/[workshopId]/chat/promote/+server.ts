import { json } from '$lib/server/api';
import { chatEndpoint, jsonBody } from '../chat-endpoint';
import type { RequestHandler } from './$types';

/** `{ messageId, padId, timeZone? }`: copies the message into the pad as a quote linking back to the chat. */
export const POST: RequestHandler = chatEndpoint(async ({ locals, params, request, url }) => {
	const chatUrl = `${url.origin}/editions/${params.editionId}/workshops/${params.workshopId}/chat`;
	await locals.app.chat.promote(locals.viewer, params.workshopId, await jsonBody(request), { chatUrl, locale: locals.locale });
	return json({ promoted: true });
});
