import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const { theme, workshops, deliverables } = orError(() => locals.app.archive.theme(params.editionId, params.themeId));
	return { theme, workshops, deliverables };
};
