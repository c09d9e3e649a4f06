import { error, fail, redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { loadWorkshopOptions } from '../workshop-options.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The workshop must belong to the edition in the URL, so one edition's pages never show another's workshop. */
function editableWorkshop({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const found = orError(() => locals.app.workshops.getForEdit(locals.viewer, params.workshopId));
	if (found.row.edition_id !== params.editionId) error(404, { message: 'workshop not found', code: 'not_found' });
	return found;
}

const listUrl = (editionId: string, notice: 'updated' | 'deleted', title: string) =>
	`/editions/${editionId}/manage/workshops?notice=${notice}&title=${encodeURIComponent(title)}`;

export const load: PageServerLoad = ({ locals, params }) => {
	const { row, themeIds, facilitatorIds } = editableWorkshop({ locals, params });
	return {
		workshop: {
			id: row.id,
			title: row.title,
			format: row.format,
			description: row.description,
			speakers: row.speakers,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			roomId: row.room_id ?? '',
			trackId: row.track_id ?? '',
			statusOverride: row.status_override ?? '',
			themeIds,
			facilitatorIds
		},
		options: loadWorkshopOptions(locals.app, locals.viewer, params.editionId)
	};
};

export const actions: Actions = {
	update: async (event) =>
		formAction(event.request, (values) => {
			editableWorkshop(event);
			event.locals.app.workshops.update(event.locals.viewer, event.params.workshopId, values);
			redirect(303, listUrl(event.params.editionId, 'updated', String(values.title ?? '').trim()));
		}),
	/** Deleting needs the « I confirm » box ticked, a confirmation step that works without JavaScript. */
	delete: async (event) => {
		const form = await event.request.formData();
		const { row } = editableWorkshop(event);
		if (form.get('confirm') !== 'yes') {
			return fail(400, { errors: { confirm: 'required' }, message: 'tick the confirmation box to delete', values: { intent: 'delete' } });
		}
		orError(() => event.locals.app.workshops.remove(event.locals.viewer, row.id));
		redirect(303, listUrl(event.params.editionId, 'deleted', row.title));
	}
};
