import { orError } from '$lib/server/forms';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, params }) => ({ archive: orError(() => locals.app.archive.edition(params.editionId)) });
