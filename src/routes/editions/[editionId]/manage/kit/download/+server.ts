import { error } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import type { RequestHandler } from './$types';
import { errorText } from '$lib/server/error-text';

/** The edition's kit as a zip; Content-Length lets the browser (and the page's progress bar) show progress. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const { filename, bytes } = await locals.app.kits.exportZip(locals.viewer, params.editionId, { examples: url.searchParams.get('examples') ?? undefined });
		return new Response(new Uint8Array(bytes), {
			headers: {
				'Content-Type': 'application/zip',
				'Content-Length': String(bytes.length),
				'Content-Disposition': `attachment; filename="${filename}"`,
				'Cache-Control': 'no-store'
			}
		});
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: errorText(e), code: e.code });
		throw e;
	}
};
