import { isAppError } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

/** Whether the viewer may ask the MédiaLab desk for help from this workshop (its pages decide the rest, 404 included). */
export const load: LayoutServerLoad = ({ locals, params }) => {
	try {
		const rights = locals.viewer ? locals.app.workshops.rights(locals.viewer, params.workshopId) : null;
		return {
			canAskHelp: !!rights?.can('write', 'helpRequest'),
			// « Aidant »: people of the workshop may be asked to let a facilitator write for them (the policy's assistedWriting/write, self).
			canBeAssisted: !!rights?.can('write', 'assistedWriting', { self: true })
		};
	} catch (e) {
		if (isAppError(e)) return { canAskHelp: false, canBeAssisted: false };
		throw e;
	}
};
