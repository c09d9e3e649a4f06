import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const { forkedFrom, files, modules } = orError(() => locals.app.kits.diff(locals.viewer, params.editionId));
	return { forkedFrom, modules, fileCount: files.length };
};
