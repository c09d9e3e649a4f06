import { error } from '@sveltejs/kit';
import { orError } from '$lib/server/forms';
import { versionParam } from '../deliverable-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const latest = orError(() => locals.app.archive.deliverable(params.editionId, params.deliverableId, undefined, locals.locale));
	const newest = latest.versions[0]?.version ?? latest.version;
	const from = versionParam(url.searchParams.get('from') ?? String(Math.max(newest - 1, 1)));
	const to = versionParam(url.searchParams.get('to') ?? String(newest));
	if (from < 0 || to < 0) error(400, { message: 'versions must be whole numbers', code: 'invalid' });
	const { diff } = orError(() => locals.app.archive.changes(params.editionId, params.deliverableId, from, to));
	return { deliverable: { id: latest.id, title: latest.title, versions: latest.versions }, diff };
};
