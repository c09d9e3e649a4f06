import type { PageServerLoad } from './$types';
import { loadProceedings, versionParam } from '../../proceedings-page';

export const load: PageServerLoad = ({ locals, params, url }) => ({ proceedings: loadProceedings(locals, url.origin, params.editionId, versionParam(params.version)) });
