import { orError } from '$lib/server/forms';
import { writeKitZip } from '$lib/server/presenters';
import type { RequestHandler } from './$types';

/** The built-in kit exactly as it sits in the repository, zipped. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const kit = orError(() => locals.app.kits.getBuiltIn(params.kitId));
	const bytes = await writeKitZip(kit.manifest.id, kit.files);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Length': String(bytes.length),
			'Content-Disposition': `attachment; filename="${kit.manifest.id}-${kit.manifest.version}.zip"`
		}
	});
};
