import { isAppError } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

/** Whether the viewer may ask the MédiaLab desk for help from this workshop (its pages decide the rest, 404 included). */
export const load: LayoutServerLoad = ({ locals, params }) => {
	try {
		return { canAskHelp: !!locals.viewer && locals.app.workshops.rights(locals.viewer, params.workshopId).can('write', 'helpRequest') };
	} catch (e) {
		if (isAppError(e)) return { canAskHelp: false };
		throw e;
	}
};
