import { error, redirect } from '@sveltejs/kit';
import { isAppError } from '$server/shared/errors';
import { formAction } from '$lib/server/forms';
import { authLink } from '$lib/redirect-target';
import type { Actions, PageServerLoad } from './$types';
import { errorText } from '$lib/server/error-text';

export const load: PageServerLoad = ({ locals, params }) => {
	try {
		const { claim, workshop, edition } = locals.app.speakerClaims.peek(params.token);
		return {
			unavailable: null,
			offer: { speakerName: claim.speaker_name, expiresAt: claim.expires_at, workshopTitle: workshop.title, editionTitle: edition.title, startsAt: workshop.starts_at }
		};
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (e.code === 'conflict') return { unavailable: e.fields._ === 'inviteExpired' ? ('inviteExpired' as const) : ('inviteUsed' as const), offer: null };
		if (e.code === 'not_found') error(404, { message: errorText(e), code: e.code });
		throw e;
	}
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		formAction(request, () => {
			const viewer = locals.viewer;
			const here = `/claim/${params.token}`;
			if (!viewer) redirect(303, authLink('/login', here));
			if (viewer.isGuest) redirect(303, authLink('/signup', here));
			const { editionId, workshopId } = locals.app.speakerClaims.accept(viewer, params.token);
			redirect(303, `/editions/${editionId}/workshops/${workshopId}?claimed=1`);
		})
};
