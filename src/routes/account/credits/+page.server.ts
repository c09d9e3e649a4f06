import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	return { editions: locals.app.credits.listMine(locals.viewer), name: locals.viewer.displayName };
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		formAction(request, async (values) => {
			const editionId = typeof values.editionId === 'string' ? values.editionId : '';
			await locals.app.credits.setChoice(locals.viewer, editionId, values);
			return { saved: editionId };
		})
};
