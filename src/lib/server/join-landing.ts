// Where joining a workshop lands: in its main pad with the caret in the editor, else on the workshop page.
import { isAppError } from '$server/shared/errors';
import type { Viewer } from '$server/domain/types';

type Joined = { workshopId: string; editionId: string };

/** The first pad still in use; `?focus=1` asks the editor to take the caret at once. */
export function joinLanding(locals: App.Locals, viewer: Viewer, joined: Joined): string {
	const workshopUrl = `/editions/${joined.editionId}/workshops/${joined.workshopId}`;
	try {
		const pad = locals.app.pads.list(viewer, joined.workshopId).find((p) => p.deletedAt === null);
		if (pad) return `${workshopUrl}/pads/${pad.id}?focus=1`;
	} catch (e) {
		// A workshop the participant may not read yet (a draft): its page explains why.
		if (!isAppError(e)) throw e;
	}
	return `${workshopUrl}#join`;
}
