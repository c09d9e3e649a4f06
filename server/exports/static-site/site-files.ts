// Reads the drive files an edition's deliverables show, so the static site carries them and works offline.
import type { FilesService } from '../../domain/files/files.service';
import { isAppError } from '../../shared/errors';

/** Anonymous reads only: the site is public; a file a reader could not open stays a link to the live site. */
export async function readSiteFiles(files: Pick<FilesService, 'open'>, ids: Iterable<string>): Promise<Map<string, Buffer>> {
	const found = new Map<string, Buffer>();
	for (const id of new Set(ids)) {
		let body;
		try {
			body = (await files.open(null, id)).body;
		} catch (e) {
			if (isAppError(e)) continue;
			throw e;
		}
		const chunks: Buffer[] = [];
		for await (const chunk of body) chunks.push(chunk as Buffer);
		found.set(id, Buffer.concat(chunks));
	}
	return found;
}
