import { handleApi, json } from '$lib/server/api';
import { AppError } from '$server/shared/errors';
import { jsonBody } from '../help/json-body';
import type { RequestHandler } from './$types';

/**
 * Writing on someone's behalf (docs/desk.md). GET: what the viewer is asked to accept; with `?pad=<id>`, the pad's open
 * sessions and the people a facilitator may write for.
 */
export const GET: RequestHandler = handleApi(
	({ locals, url }) => {
		const padId = url.searchParams.get('pad');
		if (padId) return json({ sessions: locals.app.assisted.sessions(locals.viewer, padId), people: locals.app.assisted.present(locals.viewer, padId) });
		return json({ asked: locals.app.assisted.asked(locals.viewer) });
	},
	{ checkToken: false }
);

/**
 * `{ action: 'ask', padId, participantId, mode: 'ask' | 'markPresent' }` (facilitators), `{ action: 'answer', sessionId,
 * accept }` (the person asked), `{ action: 'end', sessionId }` (either), `{ action: 'token', sessionId }` (the helper: a
 * short-lived room token to write as the participant).
 */
export const POST: RequestHandler = handleApi(
	async ({ locals, request }) => {
		const body = (await jsonBody(request)) as Record<string, unknown> | null;
		const { assisted, roomTokens } = locals.app;
		switch (body?.action) {
			case 'ask':
				return json(assisted.ask(locals.viewer, String(body.padId ?? ''), body), { status: 201 });
			case 'answer':
				return json(assisted.answer(locals.viewer, body.sessionId, body));
			case 'end':
				assisted.end(locals.viewer, body.sessionId);
				return json({ ended: true });
			case 'token': {
				const as = assisted.writingAs(locals.viewer, body.sessionId);
				return json({ ...as, ...roomTokens.sign(as.participantId, as.room, as.helperId) });
			}
			default:
				throw new AppError('invalid', 'error.invalidInput');
		}
	},
	{ checkToken: false }
);
