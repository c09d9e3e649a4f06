import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { liveIdentity } from '$lib/server/live-room';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const synthesis = orError(() => locals.app.syntheses.get(locals.viewer, params.synthesisId, locals.locale));
	if (synthesis.editionId !== params.editionId) redirect(303, `/editions/${synthesis.editionId}/proceedings/syntheses/${synthesis.id}`);
	const filter = (url.searchParams.get('q') ?? '').slice(0, 200);
	return { synthesis, filter, me: liveIdentity(locals), sources: locals.app.syntheses.sources(locals.viewer, params.synthesisId, filter) };
};

export const actions: Actions = {
	save: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.syntheses.save(locals.viewer, params.synthesisId, values);
			return { saved: 'synthesis' as const };
		}),
	cite: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.syntheses.cite(locals.viewer, params.synthesisId, values);
			return { saved: 'cite' as const };
		}),
	update: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.syntheses.updateCitation(locals.viewer, String(values.citationId ?? ''));
			return { saved: 'update' as const };
		}),
	link: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.syntheses.addLink(locals.viewer, params.editionId, { ...values, targetKind: 'synthesis', targetId: params.synthesisId });
			return { saved: 'link' as const };
		}),
	unlink: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.syntheses.removeLink(locals.viewer, String(values.linkId ?? ''));
			return { saved: 'unlink' as const };
		})
};
