import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { joinLanding } from '$lib/server/join-landing';
import { signedInOrNewGuest } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const found = orError(() => locals.app.workshops.peekJoin(params.code, locals.viewer));
	// Someone who already joined on this device goes straight back to the writing.
	if (locals.viewer && found.joined) redirect(303, joinLanding(locals, locals.viewer, { workshopId: found.workshop.id, editionId: found.edition.id }));
	// A friendly name to start from, drawn on the server so the page and its hydration agree.
	return { ...found, nameSeed: Math.floor(Math.random() * 1_000_000) };
};

export const actions: Actions = {
	default: (event) =>
		formAction(event.request, (values) => {
			const { locals, params } = event;
			// A stale link must not leave a guest account behind.
			locals.app.workshops.peekJoin(params.code);
			const viewer = signedInOrNewGuest(event, values, `join:${params.code}`);
			const joined = locals.app.workshops.join(viewer, params.code);
			redirect(303, joinLanding(locals, viewer, joined));
		})
};
