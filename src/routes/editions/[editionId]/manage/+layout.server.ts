import { redirect } from '@sveltejs/kit';
import { orError } from '$lib/server/forms';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, params, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const { edition } = orError(() => locals.app.access.managed(locals.viewer, params.editionId));
	return { edition };
};
