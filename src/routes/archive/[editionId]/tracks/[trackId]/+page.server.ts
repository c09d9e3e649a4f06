import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const { track, workshops } = orError(() => locals.app.archive.track(params.editionId, params.trackId));
	return { track, workshops };
};
