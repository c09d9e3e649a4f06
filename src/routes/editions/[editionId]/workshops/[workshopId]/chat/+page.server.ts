import { chatPanel } from '$lib/server/live-room';
import { readWorkshopInEdition } from '../workshop-in-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const found = readWorkshopInEdition(locals, params);
	return {
		edition: { id: found.edition.id, title: found.edition.title, timezone: found.edition.timezone },
		workshop: { id: found.workshop.id, title: found.workshop.title, status: found.workshop.status },
		...chatPanel(locals, params.workshopId)
	};
};
