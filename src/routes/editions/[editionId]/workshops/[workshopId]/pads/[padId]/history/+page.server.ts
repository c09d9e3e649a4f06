import { error } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { readPadInWorkshop } from '$lib/server/pad-in-workshop';
import { renderPadHtml, type PmNode } from '$server/domain/pads/pad-html';
import { AppError } from '$server/shared/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const found = readPadInWorkshop(locals, params);
	const { versions, unsavedAuthorIds } = locals.app.padDocuments.history(params.padId);
	const names = locals.app.accounts.displayNames([...versions.flatMap((v) => v.authorIds), ...unsavedAuthorIds]);
	const nameList = (ids: string[]) => ids.map((id) => names.get(id) ?? null);
	const selected = url.searchParams.get('version');
	const version = selected ? versions.find((v) => String(v.id) === selected) : undefined;
	if (selected && !version) error(404, { message: 'version not found', code: 'not_found' });
	return {
		edition: { id: found.edition.id, title: found.edition.title, timezone: found.edition.timezone },
		workshop: { id: found.workshop.id, title: found.workshop.title },
		pad: found.pad,
		canWrite: found.canWrite,
		versions: versions.map((v) => ({ id: v.id, createdAt: v.createdAt, reason: v.reason, authors: nameList(v.authorIds) })),
		unsavedAuthors: nameList(unsavedAuthorIds),
		viewing: version
			? { id: version.id, createdAt: version.createdAt, html: renderPadHtml(locals.app.padDocuments.versionContent(params.padId, version.id) as PmNode) }
			: null
	};
};

function writablePad(locals: App.Locals, params: { editionId: string; workshopId: string; padId: string }) {
	const found = readPadInWorkshop(locals, params);
	if (!found.canWrite) throw new AppError('forbidden', 'this pad is read-only for you');
	return found;
}

export const actions: Actions = {
	save: ({ request, locals, params }) =>
		formAction(request, () => {
			writablePad(locals, params);
			return { saved: locals.app.padDocuments.saveVersion(params.padId) !== null };
		}),
	restore: ({ request, locals, params }) =>
		formAction(request, (values) => {
			writablePad(locals, params);
			locals.app.padDocuments.restoreVersion(params.padId, Number(values.version), locals.viewer!.id);
			return { restored: true };
		})
};
