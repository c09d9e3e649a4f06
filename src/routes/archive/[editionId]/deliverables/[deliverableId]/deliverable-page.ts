// Loads a deliverable version for its archive page: the text, its stable address and how to cite it.
import { orError } from '$lib/server/forms';
import { exportLabels } from '$lib/components/archive/export-labels';
import { citation, deliverableDocument } from '$lib/server/presenters';

export function stableUrl(origin: string, editionId: string, deliverableId: string, version: number) {
	return `${origin}/archive/${editionId}/deliverables/${deliverableId}/v/${version}`;
}

export function loadDeliverable(locals: App.Locals, origin: string, editionId: string, deliverableId: string, version?: number) {
	const deliverable = orError(() => locals.app.archive.deliverable(editionId, deliverableId, version, locals.locale));
	const editionTitle = orError(() => locals.app.archive.edition(editionId)).edition.title;
	const citeUrl = stableUrl(origin, editionId, deliverableId, deliverable.version);
	const doc = deliverableDocument(deliverable, editionTitle, citeUrl);
	return {
		deliverable,
		doc,
		citeUrl,
		citation: citation(doc, exportLabels(locals.locale)),
		latestVersion: Math.max(...deliverable.versions.map((v) => v.version)),
		links: locals.app.syntheses.publicLinks(editionId).filter((l) => l.targetKind === 'deliverable' && l.targetId === deliverableId)
	};
}

/** '/v/2' -> 2; anything else is a version that does not exist. */
export const versionParam = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : -1);
