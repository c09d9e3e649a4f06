import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

/** Administrators only (the policy's `administer instance`); everybody else gets the same 404 as for a page that does not exist. */
export const load: PageServerLoad = async ({ locals }) => ({ rows: await orError(() => locals.app.quarantineReview.list(locals.viewer)) });
