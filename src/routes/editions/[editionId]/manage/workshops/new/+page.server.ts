import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { loadWorkshopOptions } from '../workshop-options.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => ({ options: loadWorkshopOptions(locals.app, locals.viewer, params.editionId) });

export const actions: Actions = {
	default: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.workshops.create(locals.viewer, params.editionId, values);
			const title = String(values.title ?? '').trim();
			redirect(303, `/editions/${params.editionId}/manage/workshops?notice=created&title=${encodeURIComponent(title)}`);
		})
};
