// A proceedings version as a booklet: print-ready HTML (shown), EPUB 3, ODT or DOCX (streamed downloads).
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/components/archive/export-labels';
import { slugify } from '$lib/server/presenters';
import { pagedPolyfill, proceedingsDocx, proceedingsEpub, proceedingsOdt, toPrintBooklet } from '$lib/server/presenters';
import { loadProceedings, versionParam } from '../../../proceedings-page';
import type { RequestHandler } from './$types';

const PAGED_SCRIPT = 'paged.polyfill.js';
const stream = (readable: Readable) => Readable.toWeb(readable) as unknown as ReadableStream<Uint8Array>;

export const GET: RequestHandler = ({ locals, params, url }) => {
	// The print booklet's paginator, beside it so its relative address works for every version.
	if (params.file === PAGED_SCRIPT) return new Response(pagedPolyfill(), { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' } });
	const loaded = loadProceedings(locals, url.origin, params.editionId, versionParam(params.version));
	if (!loaded) error(404, { message: 'no proceedings', code: 'not_found' });
	const { view, citeUrl } = loaded;
	const labels = exportLabels(locals.locale);
	const name = `${slugify(labels.t('proceedings.titleOf', { edition: view.editionTitle }))}-v${view.version}`;
	const attachment = (ext: string) => `attachment; filename="${name}.${ext}"`;
	switch (params.file) {
		case 'booklet.html':
			return new Response(toPrintBooklet(view, labels, url.origin, citeUrl, PAGED_SCRIPT), { headers: { 'content-type': 'text/html; charset=utf-8' } });
		case 'booklet.epub':
			return new Response(stream(proceedingsEpub(view, labels, url.origin, citeUrl)), {
				headers: { 'content-type': 'application/epub+zip', 'content-disposition': attachment('epub') }
			});
		case 'booklet.odt':
			return new Response(stream(proceedingsOdt(view, labels, url.origin, citeUrl)), {
				headers: { 'content-type': 'application/vnd.oasis.opendocument.text', 'content-disposition': attachment('odt') }
			});
		case 'booklet.docx':
			return new Response(stream(proceedingsDocx(view, labels, url.origin, citeUrl)), {
				headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'content-disposition': attachment('docx') }
			});
		default:
			error(404, { message: 'unknown booklet format', code: 'not_found' });
	}
};
