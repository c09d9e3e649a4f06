import { orError } from '$lib/server/forms';
import { kitView } from '$server/kits/kit-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => ({ kit: kitView(orError(() => locals.app.kits.getBuiltIn(params.kitId))) });
