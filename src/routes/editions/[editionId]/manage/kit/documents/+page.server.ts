import { error } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { renderKitMarkdown } from '$lib/server/presenters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const kit = orError(() => locals.app.kits.overview(locals.viewer, params.editionId));
	const doc = kit.documents.find((d) => d.kind !== 'template' && d.path === url.searchParams.get('path'));
	if (!doc) error(404, { message: 'document not found', code: 'not_found' });
	return { doc: { path: doc.path, title: doc.title, body: doc.body }, preview: renderKitMarkdown(doc.body, { headingShift: 1 }) };
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.kits.saveDocument(locals.viewer, params.editionId, values);
			return { saved: true };
		})
};
