// The pad named by the URL, read with the viewer's rights; a pad reached through another workshop's URL does not exist.
import { error } from '@sveltejs/kit';
import { orError } from './forms';

type Params = { editionId: string; workshopId: string; padId: string };

export function readPadInWorkshop(locals: App.Locals, params: Params) {
	const found = orError(() => locals.app.pads.get(locals.viewer, params.padId));
	if (found.pad.workshopId !== params.workshopId || found.edition.id !== params.editionId) error(404, { message: 'pad not found', code: 'not_found' });
	return found;
}
