import { error } from '@sveltejs/kit';
import { isAppError, httpStatusOf } from '$lib/server/app';
import { wallWithCodes } from '$lib/server/wall-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return await wallWithCodes(locals.app, locals.viewer, params.editionId, url.origin);
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: e.message, code: e.code });
		throw e;
	}
};
