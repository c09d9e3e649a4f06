import { AppError } from '$server/shared/errors';
import { drivePanel } from '$lib/server/live-room';
import { formAction, orError } from '$lib/server/forms';
import { readWorkshopInEdition } from '../workshop-in-edition';
import { chunksOf, driveOf } from './drive-json';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = readWorkshopInEdition(locals, params);
	// Rendered on the server so that the list and its download links need no JavaScript; a 404 for whoever may not read it.
	const drive = await orError(() => locals.app.files.list(locals.viewer, found.workshop.id));
	return {
		edition: { id: found.edition.id, title: found.edition.title },
		workshop: { id: found.workshop.id, title: found.workshop.title, status: found.workshop.status },
		...drivePanel(locals, found),
		drive
	};
};

export const actions: Actions = {
	/** The upload form without JavaScript: every chosen file, one after the other; the first refusal stops and is shown. */
	upload: ({ request, locals, params }) =>
		formAction(request, async (values, form) => {
			const drive = driveOf(locals, params);
			const files = form.getAll('file').filter((f): f is File => f instanceof File && f.name !== '');
			if (files.length === 0) throw new AppError('invalid', 'error.file.chooseOne', { file: 'required' });
			const folderId = typeof values.folderId === 'string' && values.folderId !== '' ? values.folderId : null;
			const added: string[] = [];
			for (const file of files) {
				const stored = await drive.upload(locals.viewer, params.workshopId, { name: file.name, folderId, declaredSize: file.size, source: chunksOf(file.stream()) });
				added.push(stored.name);
			}
			return { uploaded: added };
		})
};
