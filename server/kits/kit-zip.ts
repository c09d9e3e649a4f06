// Writes kit files as a zip (I/O only): sorted entries, fixed dates, modes and compression, so same files give same bytes.
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { KitFiles } from './kit-files';

/** Zip dates are local DOS times: one fixed instant, no timezone-dependent extended field. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const entryOptions = { mtime: FIXED_MTIME, mode: 0o100644, compress: true, compressionLevel: 9, forceDosTimestamp: true };

/** The zip holds one folder named after the kit, as it would sit under kits/. */
export function writeKitZip(kitId: string, files: KitFiles): Promise<Buffer> {
	const zip = new yazl.ZipFile();
	for (const name of [...files.keys()].sort()) zip.addBuffer(Buffer.from(files.get(name)!, 'utf8'), `${kitId}/${name}`, entryOptions);
	zip.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
		zip.outputStream.on('error', reject);
		zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
	});
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
