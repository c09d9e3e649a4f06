import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const programme = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	return {
		counts: {
			workshops: programme.workshops.length,
			themes: programme.themes.length,
			tracks: programme.tracks.length,
			rooms: programme.rooms.length
		}
	};
};

export const actions: Actions = {
	settings: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.editions.update(locals.viewer, params.editionId, values);
			return { saved: 'settings' as const };
		}),
	/** Both settings are checked before either is saved. */
	sharing: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.workshopClosure.setCloseDelay(locals.viewer, params.editionId, values);
			locals.app.editions.setSharing(locals.viewer, params.editionId, values);
			return { saved: 'sharing' as const };
		}),
	status: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			const edition = locals.app.editions.setStatus(locals.viewer, params.editionId, values);
			return { saved: edition.status };
		}),
	/** Archiving (read-only for everyone) or unarchiving a published edition. */
	archive: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.editions.setArchived(locals.viewer, params.editionId, values);
			return { saved: 'archive' as const };
		})
};
