import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import { isInlineSafe } from '$lib/server/presenters';
import type { RequestHandler } from './$types';
import { errorText } from '$lib/server/error-text';

/** User files can never run script in our origin: sandboxed, nothing loads from them, never sniffed into HTML. */
const SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";
/** Chromium refuses to show a PDF in a sandboxed document; its viewer runs in its own origin, not ours. */
const PDF_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'invalid' {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
	const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
	const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	return start > end || start >= size ? 'invalid' : { start, end };
}

const contentDisposition = (kind: 'inline' | 'attachment', name: string) =>
	`${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const drive = locals.app.files;
	try {
		const { file, body: whole } = await drive.open(locals.viewer, params.fileId);
		whole.destroy();
		const range = parseRange(request.headers.get('range'), file.size);
		if (range === 'invalid') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${file.size}` } });
		const { body } = await drive.open(locals.viewer, params.fileId, range ?? undefined);
		const inline = isInlineSafe(file) && url.searchParams.get('download') !== '1';
		const headers = new Headers({
			'Content-Type': file.kind === 'text' ? `${file.mime}; charset=utf-8` : file.mime,
			'Content-Length': String(range ? range.end - range.start + 1 : file.size),
			'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
			'Content-Security-Policy': file.kind === 'pdf' ? PDF_CSP : SANDBOX_CSP,
			'X-Content-Type-Options': 'nosniff',
			'Cross-Origin-Resource-Policy': 'same-origin',
			// The drive's PDF preview frames it; nobody else may.
			'X-Frame-Options': 'SAMEORIGIN',
			'Accept-Ranges': 'bytes',
			'Cache-Control': 'private, no-cache'
		});
		if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
		return new Response(Readable.toWeb(body) as ReadableStream, { status: range ? 206 : 200, headers });
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: errorText(e), code: e.code });
		throw e;
	}
};
