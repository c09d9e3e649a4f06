import type { PageServerLoad } from './$types';
import { loadProceedings } from './proceedings-page';

export const load: PageServerLoad = ({ locals, params, url }) => ({ proceedings: loadProceedings(locals, url.origin, params.editionId) });
