// The workshop named by the URL, read with the viewer's rights; a workshop reached through another edition's URL does not exist.
import { error } from '@sveltejs/kit';
import { orError } from '$lib/server/forms';

type Params = { editionId: string; workshopId: string };

export function readWorkshopInEdition(locals: App.Locals, params: Params) {
	const found = orError(() => locals.app.workshops.get(locals.viewer, params.workshopId));
	if (found.edition.id !== params.editionId) error(404, { message: 'workshop not found', code: 'not_found' });
	return found;
}
