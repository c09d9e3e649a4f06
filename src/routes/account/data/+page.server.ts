import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { clearSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const erased = url.searchParams.has('erased');
	if (!locals.viewer && !erased) redirect(303, '/login?redirectTo=/account/data');
	return { me: locals.viewer, erased: erased && !locals.viewer };
};

export const actions: Actions = {
	erase: async (event) => {
		const result = await formAction(event.request, async (values) => {
			await event.locals.app.privacy.erase(event.locals.viewer, values);
			return { erased: true };
		});
		if (!('erased' in result)) return result;
		clearSessionCookie(event);
		redirect(303, '/account/data?erased');
	}
};
