import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { liveIdentity } from '$lib/server/live-room';
import { readPadInWorkshop } from '$lib/server/pad-in-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const found = readPadInWorkshop(locals, params);
	// After the workshop closes, participants read its pads; the real-time room refuses their edits too.
	const closedToViewer = locals.app.workshopClosure.get(locals.viewer, found.workshop.id).readOnly;
	return {
		closedToViewer,
		edition: { id: found.edition.id, title: found.edition.title },
		workshop: { id: found.workshop.id, title: found.workshop.title, status: found.workshop.status },
		pad: found.pad,
		canWrite: found.canWrite && !closedToViewer,
		canFacilitate: found.access.canFacilitate,
		me: liveIdentity(locals, found.edition.id),
		/** « Aidant »: participants present the facilitator may write for (empty for everyone else). */
		assistable: found.access.canFacilitate ? locals.app.assisted.present(locals.viewer, params.padId) : []
	};
};

export const actions: Actions = {
	assist: ({ request, locals, params }) =>
		formAction(request, (values) => {
			readPadInWorkshop(locals, params);
			locals.app.assisted.write(locals.viewer, params.padId, values, locals.locale);
			return { assisted: true };
		}),
	rename: ({ request, locals, params }) =>
		formAction(request, (values) => {
			readPadInWorkshop(locals, params);
			locals.app.pads.rename(locals.viewer, params.padId, values);
			return { renamed: true };
		}),
	delete: ({ request, locals, params }) =>
		formAction(request, () => {
			readPadInWorkshop(locals, params);
			locals.app.pads.remove(locals.viewer, params.padId);
			redirect(303, `/editions/${params.editionId}/workshops/${params.workshopId}/pads`);
		})
};
