import { formAction, orError } from '$lib/server/forms';
import { bumpVersion } from '$lib/server/presenters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const kit = orError(() => locals.app.kits.overview(locals.viewer, params.editionId));
	const version = kit.manifest.version;
	return {
		kit,
		justCreated: url.searchParams.has('created'),
		nextVersions: { patch: bumpVersion(version, 'patch'), minor: bumpVersion(version, 'minor'), major: bumpVersion(version, 'major') }
	};
};

export const actions: Actions = {
	notes: ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.kits.saveNotes(locals.viewer, params.editionId, values);
			return { done: 'notes' as const };
		}),
	republish: ({ request, locals, params }) =>
		formAction(request, async (values) => {
			const { version } = await locals.app.kits.republish(locals.viewer, params.editionId, values);
			return { done: 'republish' as const, version };
		})
};
