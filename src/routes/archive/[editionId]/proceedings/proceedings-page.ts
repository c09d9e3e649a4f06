// Loads a proceedings version for its archive page: chapters, table of contents, stable address and « citer » block.
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/components/archive/export-labels';
import { isAppError } from '$lib/server/app';
import { proceedingsChapters, proceedingsCitation } from '$lib/server/presenters';

export const proceedingsUrl = (origin: string, editionId: string, version: number) => `${origin}/archive/${editionId}/proceedings/v/${version}`;

/** '/v/2' -> 2; anything else is a version that does not exist. */
export const versionParam = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : -1);

export function loadProceedings(locals: App.Locals, origin: string, editionId: string, version?: number) {
	try {
		const view = locals.app.proceedings.read(locals.viewer, editionId, version, locals.locale);
		const labels = exportLabels(locals.locale);
		const citeUrl = proceedingsUrl(origin, editionId, view.version);
		return {
			view,
			chapters: proceedingsChapters(view, labels),
			citeUrl,
			citation: proceedingsCitation(view, labels, citeUrl),
			latestVersion: Math.max(...view.versions.map((v) => v.version))
		};
	} catch (e) {
		if (isAppError(e) && e.code === 'not_found') {
			if (version === undefined) return null;
			error(404, { message: e.message, code: e.code });
		}
		throw e;
	}
}
