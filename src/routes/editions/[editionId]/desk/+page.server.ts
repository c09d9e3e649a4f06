import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, depends }) => {
	depends('desk:board');
	const board = orError(() => locals.app.desk.sharedBoard(locals.viewer, params.editionId));
	const { edition, access } = locals.app.access.readable(locals.viewer, params.editionId);
	return { ...board, settings: access.canManage ? { emptyPadMinutes: edition.desk_empty_pad_minutes ?? 20, wallPublic: edition.wall_public === 1 } : null };
};

export const actions: Actions = {
	settings: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.deskSettings.update(locals.viewer, params.editionId, values);
			return { saved: true };
		}),
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
