import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { licences } from '$server/shared/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const app = locals.app;
	const composing = orError(() => app.proceedings.draft(locals.viewer, params.editionId));
	const programme = orError(() => app.workshops.programme(locals.viewer, params.editionId));
	return {
		...composing,
		licences,
		editionId: params.editionId,
		editionTitle: programme.edition.title,
		workshops: programme.workshops.map((w) => ({ id: w.id, title: w.title })),
		deliverables: app.deliverables.listPublished({ editionId: params.editionId }).map((d) => ({ id: d.id, title: d.title })),
		links: app.syntheses.publicLinks(params.editionId).filter((l) => l.targetKind !== 'synthesis')
	};
};

export const actions: Actions = {
	draft: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.proceedings.saveDraft(locals.viewer, params.editionId, values);
			return { saved: 'draft' as const };
		}),
	// The links are checked first, then the version is published whatever they answer: the report comes with it.
	publish: ({ request, locals, params }) =>
		formAction(request, async () => {
			const linkReport = await locals.app.proceedings.checkLinks(locals.viewer, params.editionId);
			return { published: locals.app.proceedings.publish(locals.viewer, params.editionId), linkReport };
		}),
	checkLinks: ({ request, locals, params }) => formAction(request, async () => ({ linkReport: await locals.app.proceedings.checkLinks(locals.viewer, params.editionId) })),
	synthesis: async ({ request, locals, params }) => {
		const result = await formAction(request, (values) => locals.app.syntheses.open(locals.viewer, params.editionId, String(values.themeId ?? '')));
		if (typeof result === 'string') redirect(303, `/editions/${params.editionId}/proceedings/syntheses/${result}`);
		return result;
	},
	link: ({ request, locals, params }) =>
		formAction(request, (values) => {
			const [targetKind, targetId] = String(values.target ?? '').split(':');
			locals.app.syntheses.addLink(locals.viewer, params.editionId, { ...values, targetKind, targetId });
			return { saved: 'link' as const };
		}),
	unlink: ({ request, locals }) =>
		formAction(request, (values) => {
			locals.app.syntheses.removeLink(locals.viewer, String(values.linkId ?? ''));
			return { saved: 'unlink' as const };
		})
};
