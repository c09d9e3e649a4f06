import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const programme = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	return { tracks: programme.tracks };
};

export const actions: Actions = {
	add: async ({ request, locals, params }) =>
		formAction(request, (values) => ({ added: locals.app.structure.addTrack(locals.viewer, params.editionId, values) })),
	update: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			const id = String(values.id ?? '');
			locals.app.structure.updateTrack(locals.viewer, params.editionId, id, values);
			return { savedId: id };
		}),
	delete: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.structure.remove(locals.viewer, params.editionId, 'tracks', String(values.id ?? ''));
			return { deleted: true };
		})
};
