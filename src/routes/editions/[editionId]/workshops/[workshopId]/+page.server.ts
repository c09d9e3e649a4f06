import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { chatPanel, drivePanel } from '$lib/server/live-room';
import { signedInOrNewGuest } from '$lib/server/session-cookie';
import { AppError } from '$server/shared/errors';
import { workshopStatuses, type WorkshopStatus } from '$server/shared/vocabulary';
import type { Actions, PageServerLoad } from './$types';
import { readWorkshopInEdition } from './workshop-in-edition';

function trackContext(locals: App.Locals, editionId: string, workshopId: string, trackId: string) {
	const track = locals.app.workshops.programme(locals.viewer, editionId).tracks.find((tr) => tr.id === trackId);
	const index = track ? track.workshops.findIndex((w) => w.id === workshopId) : -1;
	if (!track || index < 0) return null;
	return {
		id: track.id,
		title: track.title,
		position: index + 1,
		total: track.workshops.length,
		previous: track.workshops[index - 1] ?? null,
		next: track.workshops[index + 1] ?? null
	};
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = readWorkshopInEdition(locals, params);
	const { workshop, edition, access, joinCode } = found;
	// null when the viewer may not read the workshop's pads: the page then hides its notes.
	const notes = locals.app.pads.indexIfReadable(locals.viewer, workshop.id);
	return {
		edition: { id: edition.id, title: edition.title, timezone: edition.timezone },
		workshop,
		track: workshop.track ? trackContext(locals, edition.id, workshop.id, workshop.track.id) : null,
		participantCount: found.participantCount,
		isParticipant: found.isParticipant,
		// Organisers and the edition's facilitators document every workshop: they need not join it.
		isFacilitator: access.canFacilitate,
		// Organisers hand listed speakers the link that makes them this workshop's facilitator.
		canInviteSpeakers: access.canManage,
		chat: await chatPanel(locals, workshop.id, notes?.pads ?? []),
		drive: drivePanel(locals, found),
		deliverables: locals.app.deliverables.listForWorkshop(locals.viewer, workshop.id),
		closure: locals.app.workshopClosure.get(locals.viewer, workshop.id),
		// Built-in templates plus the edition's own for this format (from its kit), which is then the default.
		notes,
		facilitation: joinCode
			? {
					joinUrl: `${url.origin}/join/${joinCode}`,
					statusChoice: found.statusOverride ?? '',
					canRotateLink: access.canFacilitate
				}
			: null
	};
};

function asStatusChoice(raw: unknown): WorkshopStatus | null {
	if (raw === '' || raw === undefined) return null;
	const status = workshopStatuses.find((s) => s === raw);
	if (!status) throw new AppError('invalid', 'error.workshop.unknownStatus', { status: 'invalidChoice' });
	return status;
}

/** Facilitators reopen a closed workshop's pads for corrections, close them again, or follow the timetable. */
function closureAction(event: Parameters<Actions[string]>[0], change: 'reopen' | 'close' | 'followTimetable') {
	return formAction(event.request, () => {
		readWorkshopInEdition(event.locals, event.params as { editionId: string; workshopId: string });
		event.locals.app.workshopClosure[change](event.locals.viewer, (event.params as { workshopId: string }).workshopId);
		return { done: change };
	});
}

export const actions: Actions = {
	join: (event) =>
		formAction(event.request, (values) => {
			const { params, locals } = event;
			readWorkshopInEdition(locals, params);
			locals.app.workshops.joinReadable(signedInOrNewGuest(event, values, `workshop:${params.workshopId}`), params.workshopId);
			redirect(303, `/editions/${params.editionId}/workshops/${params.workshopId}#join`);
		}),

	status: (event) =>
		formAction(event.request, (values) => {
			readWorkshopInEdition(event.locals, event.params);
			event.locals.app.workshops.setStatus(event.locals.viewer, event.params.workshopId, asStatusChoice(values.status));
			return { done: 'status' as const };
		}),

	reopen: (event) => closureAction(event, 'reopen'),
	close: (event) => closureAction(event, 'close'),
	followTimetable: (event) => closureAction(event, 'followTimetable'),

	rotate: (event) =>
		formAction(event.request, () => {
			readWorkshopInEdition(event.locals, event.params);
			event.locals.app.workshops.rotateJoinCode(event.locals.viewer, event.params.workshopId);
			return { done: 'rotate' as const };
		})
};
