import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const found = orError(() => locals.app.workshops.get(locals.viewer, params.workshopId));
	if (found.edition.id !== params.editionId) redirect(303, '/');
	return {
		edition: { id: found.edition.id, title: found.edition.title },
		workshop: { id: found.workshop.id, title: found.workshop.title },
		...orError(() => locals.app.pads.index(locals.viewer, params.workshopId))
	};
};

export const actions: Actions = {
	create: ({ request, locals, params }) =>
		formAction(request, async (values) => {
			const pad = await locals.app.pads.createWithTemplate(locals.viewer, params.workshopId, values);
			redirect(303, `/editions/${params.editionId}/workshops/${params.workshopId}/pads/${pad.id}`);
		}),
	restore: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.pads.restore(locals.viewer, String(values.padId ?? ''));
			return { restored: true };
		})
};
