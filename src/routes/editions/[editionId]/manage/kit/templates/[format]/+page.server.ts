import { error } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { templateMarkdown } from '$lib/server/presenters';
import { renderKitMarkdown } from '$lib/server/presenters';
import { workshopFormats } from '$server/shared/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const format = workshopFormats.find((f) => f === params.format);
	if (!format) error(404, { message: 'format not found', code: 'not_found' });
	const kit = orError(() => locals.app.kits.overview(locals.viewer, params.editionId));
	const own = kit.documents.find((d) => d.kind === 'template' && d.format === format);
	// A format without a template yet starts from the built-in one when there is one.
	const body = own?.body ?? templateMarkdown(format) ?? '## \n\n';
	return { format, title: own?.title ?? '', body, isBuiltIn: !own, preview: renderKitMarkdown(body, { headingShift: 1 }) };
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.kits.saveTemplate(locals.viewer, params.editionId, { ...values, format: params.format });
			return { saved: true };
		})
};
