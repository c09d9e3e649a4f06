import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { readWorkshopInEdition } from '../../workshop-in-edition';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const { workshop, edition } = readWorkshopInEdition(locals, params);
	const options = orError(() => locals.app.deliverables.formOptions(locals.viewer, workshop.id));
	const pad = options.pads.find((p) => p.id === url.searchParams.get('pad'));
	return {
		edition: { id: edition.id, title: edition.title },
		workshop: { id: workshop.id, title: workshop.title },
		options,
		padId: pad?.id ?? options.pads[0]?.id ?? '',
		title: pad?.title ?? ''
	};
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		formAction(request, (values) => {
			readWorkshopInEdition(locals, params);
			const id = locals.app.deliverables.create(locals.viewer, params.workshopId, values);
			redirect(303, `/editions/${params.editionId}/workshops/${params.workshopId}/deliverables/${id}`);
		})
};
