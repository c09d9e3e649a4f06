import { orError } from '$lib/server/forms';
import { chatPanel } from '$lib/server/live-room';
import { readWorkshopInEdition } from '../workshop-in-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = readWorkshopInEdition(locals, params);
	// Whoever may not read the chat gets a 404, as from its real-time room.
	orError(() => locals.app.chat.roomAccess(locals.viewer, found.workshop.id));
	return {
		edition: { id: found.edition.id, title: found.edition.title, timezone: found.edition.timezone },
		workshop: { id: found.workshop.id, title: found.workshop.title, status: found.workshop.status },
		...(await chatPanel(locals, params.workshopId))
	};
};
