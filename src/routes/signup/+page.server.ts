import { redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/redirect-target';
import { formAction } from '$lib/server/forms';
import { startSession } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.viewer && !locals.viewer.isGuest) redirect(303, '/account');
	return {
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), ''),
		isFirstAccount: !locals.app.accounts.hasAccounts()
	};
};

export const actions: Actions = {
	default: (event) =>
		formAction(event.request, async (values) => {
			const { app, viewer, sessionId } = event.locals;
			if (viewer && !viewer.isGuest) redirect(303, '/account');
			const guestId = viewer?.isGuest ? viewer.id : undefined;
			const account = await app.accounts.signUp(values, { guestId });
			// The guest's cookie token must not keep working once the identity has become a password-protected account.
			if (guestId && sessionId) app.sessions.invalidate(sessionId);
			startSession(event, account.id, false);
			redirect(303, safeRedirectTarget(values.redirectTo));
		})
};
