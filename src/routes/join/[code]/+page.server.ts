import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { signedInOrNewGuest } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => orError(() => locals.app.workshops.peekJoin(params.code));

export const actions: Actions = {
	default: (event) =>
		formAction(event.request, (values) => {
			const { locals, params } = event;
			// A stale link must not leave a guest account behind.
			locals.app.workshops.peekJoin(params.code);
			const joined = locals.app.workshops.join(signedInOrNewGuest(event, values, `join:${params.code}`), params.code);
			redirect(303, `/editions/${joined.editionId}/workshops/${joined.workshopId}#join`);
		})
};
