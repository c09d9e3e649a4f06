import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	const { archive } = await parent();
	return {
		figures: await orError(() => locals.app.archive.figures(params.editionId, archive)),
		hours: locals.app.archive.contributionHours(params.editionId, archive)
	};
};
