// JSON responses for the drive endpoints: domain errors become { error: { code, message, fields } } with their HTTP status.
import { json } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import { readWorkshopInEdition } from '../workshop-in-edition';
import { errorText } from '$lib/server/error-text';

export async function driveJson(run: () => unknown): Promise<Response> {
	try {
		return json(await run());
	} catch (e) {
		if (isAppError(e)) return json({ error: { code: e.code, message: errorText(e), fields: e.fields } }, { status: httpStatusOf[e.code] });
		throw e;
	}
}

/** The drive service, once the URL's workshop is known to belong to its edition. */
export function driveOf(locals: App.Locals, params: { editionId: string; workshopId: string }) {
	readWorkshopInEdition(locals, params);
	return locals.app.files;
}

export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
