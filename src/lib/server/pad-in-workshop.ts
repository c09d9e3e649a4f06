// The pad named by the URL, read with the viewer's rights (the pads use case checks the URL's workshop and edition too).
import { orError } from './forms';

type Params = { editionId: string; workshopId: string; padId: string };

export function readPadInWorkshop(locals: App.Locals, params: Params) {
	return orError(() => locals.app.pads.get(locals.viewer, params));
}
