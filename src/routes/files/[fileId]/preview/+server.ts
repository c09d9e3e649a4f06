import { error } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import type { RequestHandler } from './$types';

/** The same sandbox as the files themselves: the converted HTML runs no script and loads nothing from elsewhere. */
const SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

/** A DOCX, ODT or Markdown file as readable, sanitised HTML, for the drive's preview frame. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const { file, body, sha256 } = await locals.app.files.open(locals.viewer, params.fileId);
		const read = async () => {
			const chunks: Buffer[] = [];
			for await (const chunk of body) chunks.push(chunk as Buffer);
			return new Uint8Array(Buffer.concat(chunks));
		};
		const preview = await locals.app.documentPreviews.preview({ sha256, mime: file.mime, name: file.name, size: file.size }, read);
		body.destroy();
		if ('none' in preview) error(415, { message: `no preview (${preview.none})`, code: 'invalid' });
		return new Response(preview.html, {
			headers: {
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Security-Policy': SANDBOX_CSP,
				'X-Content-Type-Options': 'nosniff',
				'Cross-Origin-Resource-Policy': 'same-origin',
				'X-Frame-Options': 'SAMEORIGIN',
				'Cache-Control': 'private, no-cache'
			}
		});
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: e.message, code: e.code });
		throw e;
	}
};
