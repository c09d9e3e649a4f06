import type { PageServerLoad } from './$types';
import { loadDeliverable, versionParam } from '../../deliverable-page';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const { doc: _doc, ...page } = loadDeliverable(locals, url.origin, params.editionId, params.deliverableId, versionParam(params.version));
	return page;
};
