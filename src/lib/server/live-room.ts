// What a workshop's live areas need from the server: who is writing (or reading), and the chat's rights and pads.
import { translate } from '$lib/i18n/catalogue';
import type { PadView } from '$server/domain/pads/pads.service';
import { orError } from './forms';

/** Readers without a session get a neutral name. */
const reader = (locals: App.Locals) => ({ id: locals.viewer?.id ?? 'reader', name: translate(locals.locale, 'pad.readerName') });

/** The name shown next to a caret or in the list of people present: the one the viewer chose to be credited by in the edition. */
export function liveIdentity(locals: App.Locals, editionId: string) {
	const me = reader(locals);
	return locals.viewer ? { ...me, name: orError(() => locals.app.credits.shownAs(locals.viewer!, editionId)) } : me;
}

type ReadableWorkshop = { workshop: { id: string }; edition: { id: string } };

/** The drive's rights, as the policy gives them (server/domain/access/policy.ts). */
export function drivePanel(locals: App.Locals, found: ReadableWorkshop) {
	const { canRead, canWrite, canFacilitate } = locals.app.files.rightsIn(locals.viewer, found.workshop.id);
	return {
		canRead,
		canWrite,
		canFacilitate,
		limits: locals.app.files.limits,
		me: liveIdentity(locals, found.edition.id)
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
	// Messages carry the name the viewer chose to be credited by in this edition, never a frozen real name.
	const me = reader(locals);
	const name = locals.viewer && access.canRead ? orError(() => locals.app.chat.senderName(locals.viewer!, workshopId)) : me.name;
	// « Signaler »: the policy's chatReport/write cell.
	const canReport = access.canRead && locals.app.chatReports.canReport(locals.viewer, workshopId);
	return { access, pads: promotable, me: { ...me, name }, canReport };
}
