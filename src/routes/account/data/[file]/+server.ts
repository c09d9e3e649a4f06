// Everything a person wrote, to take away: one JSON file, or a zip with that file and the files they uploaded.
import { Readable } from 'node:stream';
import { error, redirect } from '@sveltejs/kit';
import { orError } from '$lib/server/forms';
import { translate } from '$lib/i18n/catalogue';
import { zipFiles } from '$lib/server/presenters';
import type { RequestHandler } from './$types';

async function bytesOf(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.viewer) redirect(303, '/login?redirectTo=/account/data');
	const data = orError(() => locals.app.privacy.collect(locals.viewer));
	const json = `${JSON.stringify(data, null, 2)}\n`;
	const headers = { 'cache-control': 'private, no-store' };
	if (params.file === 'my-data.json') {
		return new Response(json, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="my-data.json"' } });
	}
	if (params.file !== 'my-data.zip') error(404, { message: translate(locals.locale, 'error.notFound'), code: 'not_found' });
	const files = new Map<string, string | Buffer>([['my-data.json', json]]);
	for (const file of locals.app.privacy.uploadedFiles(locals.viewer)) {
		try {
			const { body } = locals.app.files.open(locals.viewer, file.id);
			files.set(`files/${file.id}-${file.name.replace(/[/\\]/g, '_')}`, await bytesOf(body as Readable));
		} catch {
			// A file the person can no longer read (trashed, or its workshop closed to them) stays listed in my-data.json.
		}
	}
	return new Response(Readable.toWeb(zipFiles(files)) as ReadableStream, {
		headers: { ...headers, 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="my-data.zip"' }
	});
};
