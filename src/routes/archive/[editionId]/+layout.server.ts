import { orError } from '$lib/server/forms';
import { knownZone } from '$lib/i18n/format';
import { ZONE_COOKIE } from '$server/shared/cookies';
import type { LayoutServerLoad } from './$types';

// The archive ships no script: the reader's zone is the one their browser left in a cookie on another page, if any.
export const load: LayoutServerLoad = ({ locals, params, cookies }) => ({
	archive: orError(() => locals.app.archive.edition(params.editionId)),
	readerZone: knownZone(cookies.get(ZONE_COOKIE))
});
