import { redirect } from '@sveltejs/kit';
import { AppError } from '$server/shared/errors';
import { formAction } from '$lib/server/forms';
import { startSession } from '$lib/server/session-cookie';
import type { Viewer } from '$server/shared/viewer';
import type { Actions, PageServerLoad } from './$types';

const loginFirst = () => redirect(303, '/login?redirectTo=/account');

function requireViewer(viewer: Viewer | null): Viewer {
	if (!viewer) loginFirst();
	return viewer!;
}

export const load: PageServerLoad = ({ locals }) => ({ me: requireViewer(locals.viewer) });

export const actions: Actions = {
	changePassword: (event) =>
		formAction(event.request, async (values) => {
			const viewer = requireViewer(event.locals.viewer);
			if (viewer.isGuest) throw new AppError('forbidden', 'error.account.guestNoPassword');
			const { accounts, sessions } = event.locals.app;
			await accounts.changePassword(viewer, values);
			// Whoever knew the old password is logged out everywhere; this browser gets a fresh session so its owner stays in.
			sessions.invalidateAllOf(viewer.id);
			startSession(event, viewer.id, false);
			return { passwordChanged: true };
		}),

	rename: (event) =>
		formAction(event.request, (values) => {
			const viewer = requireViewer(event.locals.viewer);
			if (!viewer.isGuest) throw new AppError('forbidden', 'error.account.guestsRenameOnly');
			// The layout reads locals.viewer after the action: updating it shows the new name in the header right away.
			event.locals.viewer = event.locals.app.accounts.renameGuest(viewer, values);
			return { renamed: true };
		})
};
