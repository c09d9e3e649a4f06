// A pad as it is now, for whoever may read it: Markdown or standalone HTML (downloads) or a print view, with the edition's licence and its writers.
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/components/archive/export-labels';
import { readPadInWorkshop } from '$lib/server/pad-in-workshop';
import type { CreditEntry } from '$server/domain/deliverables/credits';
import { renderPadHtml, type PmNode } from '$server/domain/pads/pad-html';
import { renderPadMarkdown } from '$server/domain/pads/pad-markdown';
import { slugify, toMarkdown, toStandaloneHtml, type ExportDocument } from '$server/exports/document-export';
import type { RequestHandler } from './$types';

const formats = ['md', 'html', 'print'] as const;

export const GET: RequestHandler = ({ locals, params, url }) => {
	const format = url.searchParams.get('format') ?? 'md';
	if (!(formats as readonly string[]).includes(format)) error(400, { message: `format must be one of ${formats.join(', ')}`, code: 'invalid' });
	const found = readPadInWorkshop(locals, params);
	const app = locals.app;
	const content = app.padDocuments.currentContent(params.padId) as PmNode;
	const history = app.padDocuments.history(params.padId);
	// Everyone who wrote in the pad, credited as they chose for this edition.
	const authorIds = [...new Set([...history.versions.flatMap((v) => v.authorIds), ...history.unsavedAuthorIds])];
	const entries: CreditEntry[] = authorIds.map((userId) => ({ userId, role: 'author' }));
	const doc: ExportDocument = {
		title: found.pad.title,
		summary: '',
		editionTitle: found.edition.title,
		workshopTitle: found.workshop.title,
		version: null,
		date: new Date(app.clock()).toISOString(),
		licence: found.edition.licence,
		credits: app.credits.resolveAll(entries, found.edition.id, locals.locale).sort((a, b) => a.display.localeCompare(b.display, locals.locale)),
		html: renderPadHtml(content),
		markdown: renderPadMarkdown(content),
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
