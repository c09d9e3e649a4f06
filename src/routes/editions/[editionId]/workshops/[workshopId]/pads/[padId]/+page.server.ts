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
		/** « Aidant »: whether the viewer may write in this pad on a participant's behalf (docs/desk.md). */
		canAssist: found.access.canFacilitate && found.canWrite && !closedToViewer
	};
};

export const actions: Actions = {
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
