import { AppError } from '$lib/server/app';
import { formAction } from '$lib/server/forms';
import { csvColumns, MAX_CSV_BYTES, requiredColumns } from '$server/domain/programme/csv-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	columns: csvColumns.map((name) => ({ name, required: (requiredColumns as readonly string[]).includes(name) })),
	maxMegabytes: MAX_CSV_BYTES / 1_000_000
});

export const actions: Actions = {
	default: async ({ request, locals, params }) =>
		formAction(request, async (values, form) => {
			const file = form.get('file');
			let text = typeof values.csv === 'string' ? values.csv : '';
			if (file instanceof File && file.size > 0) {
				if (file.size > MAX_CSV_BYTES) throw new AppError('too_large', `the file is larger than ${MAX_CSV_BYTES / 1000} kB`);
				text = await file.text();
			}
			if (text.trim() === '') throw new AppError('invalid', 'choose a CSV file or paste its content', { file: 'required' });
			return { imported: locals.app.csvImport.importProgramme(locals.viewer, params.editionId, text) };
		})
};
