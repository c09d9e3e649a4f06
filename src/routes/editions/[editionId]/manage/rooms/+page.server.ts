import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const programme = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	const usage = (roomId: string) => programme.workshops.filter((w) => w.room?.id === roomId).length;
	return { rooms: programme.rooms.map((room) => ({ id: room.id, name: room.name, venue: room.venue, workshopCount: usage(room.id) })) };
};

export const actions: Actions = {
	add: async ({ request, locals, params }) =>
		formAction(request, (values) => ({ added: locals.app.structure.addRoom(locals.viewer, params.editionId, values) })),
	update: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			const id = String(values.id ?? '');
			locals.app.structure.updateRoom(locals.viewer, params.editionId, id, values);
			return { savedId: id };
		}),
	delete: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.structure.remove(locals.viewer, params.editionId, 'rooms', String(values.id ?? ''));
			return { deleted: true };
		})
};
