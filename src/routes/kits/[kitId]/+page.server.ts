import { orError } from '$lib/server/forms';
import { kitView } from '$lib/server/presenters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => ({ kit: kitView(orError(() => locals.app.kits.getBuiltIn(params.kitId))) });
