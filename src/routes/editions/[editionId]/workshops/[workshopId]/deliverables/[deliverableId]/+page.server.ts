import { error, redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

type Params = { editionId: string; workshopId: string; deliverableId: string };

/** The deliverable named by the URL; one reached through another workshop's URL does not exist. */
async function readDeliverable(locals: App.Locals, params: Params) {
	const found = await orError(() => locals.app.deliverables.get(locals.viewer, params.deliverableId, { locale: locals.locale }));
	if (found.workshopId !== params.workshopId || found.editionId !== params.editionId) error(404, { message: 'deliverable not found', code: 'not_found' });
	return found;
}

const versionParam = (url: URL, name: string) => {
	const raw = url.searchParams.get(name);
	return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = await readDeliverable(locals, params);
	const { edition, workshop, ...deliverable } = found;
	const from = versionParam(url, 'from');
	const to = versionParam(url, 'to');
	const shown = versionParam(url, 'version');
	return {
		edition: { id: edition.id, title: edition.title, timezone: edition.timezone },
		workshop: { id: workshop.id, title: workshop.title },
		deliverable,
		options: found.canManage ? locals.app.deliverables.formOptions(locals.viewer, workshop.id) : null,
		shown: shown ? await orError(() => locals.app.deliverables.version(locals.viewer, found.id, shown, { locale: locals.locale })) : null,
		diff: from && to ? await orError(() => locals.app.deliverables.versionDiff(locals.viewer, found.id, from, to)) : null
	};
};

function act(name: string, run: (locals: App.Locals, id: string, values: Record<string, string | string[]>) => unknown) {
	return ({ request, locals, params }: { request: Request; locals: App.Locals; params: Params }) =>
		formAction(request, async (values) => {
			await readDeliverable(locals, params);
			const result = await run(locals, params.deliverableId, values);
			return { done: name, result: typeof result === 'number' ? result : null };
		});
}

export const actions: Actions = {
	update: act('update', (locals, id, values) => locals.app.deliverables.update(locals.viewer, id, values)),
	submit: act('submit', (locals, id) => locals.app.deliverables.submitForReview(locals.viewer, id)),
	publish: act('publish', (locals, id) => locals.app.deliverables.publish(locals.viewer, id)),
	withdraw: act('withdraw', (locals, id) => locals.app.deliverables.withdraw(locals.viewer, id)),
	comment: act('comment', (locals, id, values) => locals.app.deliverables.comment(locals.viewer, id, values)),
	delete: ({ request, locals, params }) =>
		formAction(request, async () => {
			await readDeliverable(locals, params);
			locals.app.deliverables.remove(locals.viewer, params.deliverableId);
			redirect(303, `/editions/${params.editionId}/workshops/${params.workshopId}#deliverables`);
		})
};
