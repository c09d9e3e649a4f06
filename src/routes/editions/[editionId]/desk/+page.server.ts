import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, depends }) => {
	depends('desk:board');
	return orError(() => locals.app.desk.board(locals.viewer, params.editionId));
};

export const actions: Actions = {
	claim: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.helpRequests.claim(locals.viewer, String(values.requestId ?? ''));
			return { claimed: true };
		}),
	close: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.helpRequests.close(locals.viewer, String(values.requestId ?? ''));
			return { closed: true };
		})
};
