import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	return { isGuest: locals.viewer.isGuest };
};

export const actions: Actions = {
	default: async ({ request, locals }) =>
		formAction(request, (values) => {
			const edition = locals.app.editions.create(locals.viewer, values);
			redirect(303, `/editions/${edition.id}/manage`);
		})
};
