import { error, redirect } from '@sveltejs/kit';
import { isAppError } from '$server/shared/errors';
import { formAction } from '$lib/server/forms';
import { authLink } from '$lib/redirect-target';
import type { Actions, PageServerLoad } from './$types';
import { errorText } from '$lib/server/error-text';

type Unavailable = 'inviteUsed' | 'inviteExpired';

export const load: PageServerLoad = ({ locals, params }) => {
	try {
		const { invite, edition } = locals.app.members.peekInvite(params.token);
		return {
			unavailable: null,
			offer: {
				role: invite.role,
				note: invite.note,
				expiresAt: invite.expires_at,
				edition: { id: edition.id, title: edition.title, city: edition.city, startsOn: edition.starts_on, endsOn: edition.ends_on }
			}
		};
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (e.code === 'conflict') {
			const reason: Unavailable = e.fields._ === 'inviteExpired' ? 'inviteExpired' : 'inviteUsed';
			return { unavailable: reason, offer: null };
		}
		if (e.code === 'not_found') error(404, { message: errorText(e), code: e.code });
		throw e;
	}
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		formAction(request, () => {
			const viewer = locals.viewer;
			const here = `/invite/${params.token}`;
			if (!viewer) redirect(303, authLink('/login', here));
			if (viewer.isGuest) redirect(303, authLink('/signup', here));
			const { editionId, role } = locals.app.members.acceptInvite(viewer, params.token);
			redirect(303, role === 'organiser' ? `/editions/${editionId}/manage` : `/editions/${editionId}`);
		})
};
