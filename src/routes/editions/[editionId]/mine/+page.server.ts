import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Where a form posted from the programme page goes back to without JavaScript (same site only). */
function back(request: Request, url: URL): string {
	const from = request.headers.get('referer');
	if (!from) return url.pathname;
	const ref = new URL(from);
	return ref.origin === url.origin ? `${ref.pathname}${ref.search}` : url.pathname;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const programme = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	const mine = orError(() => locals.app.myProgramme.state(locals.viewer, params.editionId));
	if (!mine) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const picked = new Set(mine.picked);
	return {
		edition: programme.edition,
		sessions: programme.workshops
			.filter((w) => picked.has(w.id))
			.map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt, endsAt: w.endsAt, room: w.room?.name ?? null, cancelled: w.cancelled === true })),
		feedUrl: mine.feedToken ? `${url.origin}/calendar/${mine.feedToken}.ics` : null
	};
};

export const actions: Actions = {
	/** The star of a programme entry: `picked=1` adds the session, `picked=0` takes it out. */
	pick: ({ request, locals, params, url }) =>
		formAction(request, (values) => {
			locals.app.myProgramme.setPicked(locals.viewer, params.editionId, String(values.workshopId ?? ''), values.picked === '1');
			if (request.headers.get('x-sveltekit-action') !== 'true') redirect(303, back(request, url));
			return { picked: values.picked === '1' };
		}),
	renewFeed: ({ request, locals, params }) =>
		formAction(request, () => {
			locals.app.myProgramme.renewFeed(locals.viewer, params.editionId);
			return { renewed: true };
		}),
	revokeFeed: ({ request, locals, params }) =>
		formAction(request, () => {
			locals.app.myProgramme.revokeFeed(locals.viewer, params.editionId);
			return { revoked: true };
		})
};
