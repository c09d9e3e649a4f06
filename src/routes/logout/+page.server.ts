import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: (event) => {
		if (event.locals.sessionId) event.locals.app.sessions.invalidate(event.locals.sessionId);
		clearSessionCookie(event);
		redirect(303, '/');
	}
};
