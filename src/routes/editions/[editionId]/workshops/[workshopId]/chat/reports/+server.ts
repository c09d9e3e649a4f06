import { json } from '$lib/server/api';
import { chatEndpoint, jsonBody } from '../chat-endpoint';
import type { RequestHandler } from './$types';

/** The moderation queue (reported messages waiting): facilitators only. */
export const GET: RequestHandler = chatEndpoint(({ locals, params }) => json({ reports: locals.app.chatReports.queue(locals.viewer, params.workshopId) }));

/** `{ messageId, reason? }` reports a message (people of the workshop); `{ messageId, action: 'hide' | 'dismiss' }` resolves it (facilitators). */
export const POST: RequestHandler = chatEndpoint(async ({ locals, params, request }) => {
	const body = await jsonBody(request);
	if (body && typeof body === 'object' && 'action' in body) {
		locals.app.chatReports.resolve(locals.viewer, params.workshopId, body);
		return json({ reports: locals.app.chatReports.queue(locals.viewer, params.workshopId) });
	}
	locals.app.chatReports.report(locals.viewer, params.workshopId, body);
	return json({ reported: true });
});
