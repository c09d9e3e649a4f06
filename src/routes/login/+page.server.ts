import { redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/redirect-target';
import { formAction } from '$lib/server/forms';
import { startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
	if (locals.viewer && !locals.viewer.isGuest) redirect(303, redirectTo || '/account');
	return { redirectTo };
};

export const actions: Actions = {
	default: (event) =>
		formAction(event.request, async (values) => {
			const { app, deviceId, sessionId } = event.locals;
			const account = await app.accounts.logIn(values, deviceId);
			// One browser, one identity: a guest (or another account) logging in here hands the device over.
			if (sessionId) app.sessions.invalidate(sessionId);
			startSession(event, account.id, false);
			redirect(303, safeRedirectTarget(values.redirectTo));
		})
};
