// Shared by the chat's JSON endpoints: the workshop must belong to the edition in the URL; errors use the API envelope.
import type { RequestEvent } from '@sveltejs/kit';
import { handleApi } from '$lib/server/api';
import { AppError } from '$server/shared/errors';

type ChatEvent = RequestEvent<{ editionId: string; workshopId: string }>;

export function chatEndpoint(fn: (event: ChatEvent) => Response | Promise<Response>) {
	return handleApi<ChatEvent>(
		(event) => {
			const { edition } = event.locals.app.workshops.get(event.locals.viewer, event.params.workshopId);
			if (edition.id !== event.params.editionId) throw new AppError('not_found', 'error.workshop.notFound');
			return fn(event);
		},
		{ checkToken: false }
	);
}

/** The request body as JSON, or an AppError('invalid'). */
export async function jsonBody(request: Request): Promise<unknown> {
	// Only JSON: a cross-site form cannot send it without a CORS preflight, which these endpoints never grant.
	if (!request.headers.get('content-type')?.startsWith('application/json')) throw new AppError('invalid', 'error.bodyNotJson');
	try {
		return await request.json();
	} catch {
		throw new AppError('invalid', 'error.bodyNotJson');
	}
}
