import { error } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { readPadInWorkshop } from '$lib/server/pad-in-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = readPadInWorkshop(locals, params);
	const history = await orError(() => locals.app.pads.history(locals.viewer, params, locals.locale));
	const selected = url.searchParams.get('version');
	const versionId = selected === null ? null : Number(selected);
	if (versionId !== null && !Number.isInteger(versionId)) error(404, { message: 'version not found', code: 'not_found' });
	const viewing = versionId === null ? null : await orError(() => locals.app.pads.version(locals.viewer, params, versionId));
	return {
		edition: { id: found.edition.id, title: found.edition.title, timezone: found.edition.timezone },
		workshop: { id: found.workshop.id, title: found.workshop.title },
		pad: found.pad,
		canWrite: history.canWrite,
		versions: history.versions,
		unsavedAuthors: history.unsavedAuthors,
		viewing: viewing ? { id: viewing.id, createdAt: viewing.createdAt, html: viewing.html } : null
	};
};

export const actions: Actions = {
	save: ({ request, locals, params }) => formAction(request, async () => ({ saved: await locals.app.pads.saveVersion(locals.viewer, params) })),
	restore: ({ request, locals, params }) =>
		formAction(request, async (values) => {
			await locals.app.pads.restoreVersion(locals.viewer, params, Number(values.version));
			return { restored: true };
		})
};
