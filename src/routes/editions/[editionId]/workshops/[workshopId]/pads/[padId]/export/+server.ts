// A pad as it is now, for whoever the policy lets read it: Markdown or standalone HTML (downloads) or a print view, with the edition's licence and its writers.
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/components/archive/export-labels';
import { orError } from '$lib/server/forms';
import { slugify, toMarkdown, toStandaloneHtml, type ExportDocument } from '$lib/server/presenters';
import type { RequestHandler } from './$types';

const formats = ['md', 'html', 'print'] as const;

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const format = url.searchParams.get('format') ?? 'md';
	if (!(formats as readonly string[]).includes(format)) error(400, { message: `format must be one of ${formats.join(', ')}`, code: 'invalid' });
	const pad = await orError(() => locals.app.pads.exportDocument(locals.viewer, params, locals.locale));
	const doc: ExportDocument = {
		...pad,
		summary: '',
		version: null,
		url: `${url.origin}/editions/${params.editionId}/workshops/${params.workshopId}/pads/${params.padId}`,
		withdrawn: false
	};
	const labels = exportLabels(locals.locale);
	const name = slugify(doc.title);
	// Pads can be private: the copy is for this reader only, never for shared caches.
	const headers = { 'cache-control': 'private, no-store' };
	if (format === 'md') {
		return new Response(toMarkdown(doc, labels), {
			headers: { ...headers, 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"` }
		});
	}
	const html = toStandaloneHtml(doc, labels, url.origin);
	const disposition: Record<string, string> = format === 'html' ? { 'content-disposition': `attachment; filename="${name}.html"` } : {};
	return new Response(html, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8', ...disposition } });
};
