import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/app';
import { formAction } from '$lib/server/forms';
import { csvColumns, requiredColumns } from '$lib/server/presenters';
import { MAX_SOURCE_BYTES } from '$lib/server/presenters';
import type { Actions, PageServerLoad } from './$types';

const counts = ['added', 'updated', 'cancelled', 'unchanged', 'rooms', 'tracks'] as const;

export const load: PageServerLoad = ({ url }) => ({
	columns: csvColumns.map((name) => ({ name, required: (requiredColumns as readonly string[]).includes(name) })),
	maxMegabytes: MAX_SOURCE_BYTES / 1024 / 1024,
	/** After « Appliquer », the preview redirects here with the counts (the draft no longer exists). */
	applied: url.searchParams.has('applied') ? Object.fromEntries(counts.map((c) => [c, Number(url.searchParams.get(c)) || 0])) : null
});

export const actions: Actions = {
	default: async ({ request, locals, params }) =>
		formAction(request, async (values, form) => {
			const importer = locals.app.programmeImport;
			const file = form.get('file');
			const url = typeof values.url === 'string' ? values.url.trim() : '';
			let draftId: string;
			if (file instanceof File && file.size > 0) {
				if (file.size > MAX_SOURCE_BYTES) throw new AppError('too_large', 'error.import.tooLargeMb', { source: 'tooLarge' }, {}, { mb: MAX_SOURCE_BYTES / 1024 / 1024 });
				draftId = importer.prepare(locals.viewer, params.editionId, await file.text());
			} else if (url !== '') {
				draftId = await importer.prepareFromUrl(locals.viewer, params.editionId, url);
			} else {
				const text = typeof values.content === 'string' ? values.content : '';
				if (text.trim() === '') throw new AppError('invalid', 'error.import.sourceRequired', { file: 'required' });
				draftId = importer.prepare(locals.viewer, params.editionId, text);
			}
			redirect(303, `/editions/${params.editionId}/manage/import/${draftId}`);
		})
};
