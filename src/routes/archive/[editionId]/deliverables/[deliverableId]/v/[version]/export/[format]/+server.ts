// A frozen version as Markdown, standalone HTML (both downloads) or a print view, each with its licence and credits.
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/components/archive/export-labels';
import { slugify, toMarkdown, toStandaloneHtml } from '$lib/server/presenters';
import { loadDeliverable, versionParam } from '../../../../deliverable-page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) => {
	const { doc } = loadDeliverable(locals, url.origin, params.editionId, params.deliverableId, versionParam(params.version));
	const labels = exportLabels(locals.locale);
	const name = `${slugify(doc.title)}-v${doc.version}`;
	switch (params.format) {
		case 'md':
			return new Response(toMarkdown(doc, labels), {
				headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"` }
			});
		case 'html':
			return new Response(toStandaloneHtml(doc, labels, url.origin), {
				headers: { 'content-type': 'text/html; charset=utf-8', 'content-disposition': `attachment; filename="${name}.html"` }
			});
		case 'print':
			return new Response(toStandaloneHtml(doc, labels, url.origin), { headers: { 'content-type': 'text/html; charset=utf-8' } });
		default:
			error(404, { message: 'unknown export format', code: 'not_found' });
	}
};
