import { AppError } from '$server/shared/errors';
import { describeBytes } from '$lib/server/presenters';
import { chunksOf, driveJson, driveOf } from '../drive-json';
import type { RequestHandler } from './$types';

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** One file per request (`file`, optional `folderId`, `accept=image`), so each has its own progress bar. */
export const POST: RequestHandler = ({ request, locals, params }) =>
	driveJson(async () => {
		const drive = driveOf(locals, params);
		const declared = Number(request.headers.get('content-length') ?? NaN);
		const limit = drive.limits.uploadMaxBytes;
		const tooLarge = () => new AppError('too_large', 'error.file.tooLarge', { file: 'fileTooLarge', limitBytes: String(limit) }, {}, { limit: describeBytes(limit) });
		// Refused before reading: no point receiving 300 MB to say no.
		if (declared > limit + ENVELOPE_BYTES) throw tooLarge();
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// A body sent without Content-Length is cut by the server's size limit while it is read (a 413 error).
			if ((e as { status?: unknown }).status === 413) throw tooLarge();
			throw e;
		}
		const file = form.get('file');
		if (!(file instanceof File)) throw new AppError('invalid', 'error.file.chooseOne', { file: 'required' });
		const folderId = form.get('folderId');
		return drive.upload(locals.viewer, params.workshopId, {
			name: file.name,
			folderId: typeof folderId === 'string' && folderId !== '' ? folderId : null,
			accept: form.get('accept') === 'image' ? 'image' : 'any',
			declaredSize: file.size,
			source: chunksOf(file.stream())
		});
	});
