// What a workshop's live areas need from the server: who is writing (or reading), and the chat's rights and pads.
import { translate } from '$lib/i18n/catalogue';
import type { PadView } from '$server/domain/pads/pads.service';
import { orError } from './forms';

/** The name shown next to a caret or a message; readers without a session get a neutral one. */
export function liveIdentity(locals: App.Locals) {
	return { id: locals.viewer?.id ?? 'reader', name: locals.viewer?.displayName ?? translate(locals.locale, 'pad.readerName') };
}

type ReadableWorkshop = { access: { canFacilitate: boolean }; isParticipant: boolean; workshop: { status: string } };

/** The drive's rights: members add files; once the workshop is closed, its readers still browse and download. */
export function drivePanel(locals: App.Locals, found: ReadableWorkshop) {
	const canWrite = found.access.canFacilitate || found.isParticipant;
	return {
		canRead: canWrite || found.workshop.status === 'closed',
		canWrite,
		canFacilitate: found.access.canFacilitate,
		limits: locals.app.files.limits,
		me: liveIdentity(locals)
	};
}

/** `pads`: the workshop's pads when the caller already listed them (the workshop page does, for its notes). */
export function chatPanel(locals: App.Locals, workshopId: string, pads?: PadView[]) {
	const access = orError(() => locals.app.chat.access(locals.viewer, workshopId));
	// Moves old messages to the archive before the browser syncs, so the live document it receives stays small.
	if (access.canRead) orError(() => locals.app.chat.open(locals.viewer, workshopId));
	const promotable = access.canModerate
		? (pads ?? orError(() => locals.app.pads.list(locals.viewer, workshopId))).filter((p) => p.deletedAt === null).map((p) => ({ id: p.id, title: p.title }))
		: [];
	return { access, pads: promotable, me: liveIdentity(locals) };
}
