// Writes files into a zip stream with yazl: entries sorted with a fixed date, so the same content gives the same bytes.
import { Readable } from 'node:stream';
import yazl from 'yazl';

/** Zip dates have no time zone and start in 1980; one fixed instant keeps archives reproducible. */
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

export function zipFiles(files: Map<string, string | Buffer>, folder = ''): Readable {
	const zip = new yazl.ZipFile();
	const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [path, content] of sorted) {
		zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), `${folder}${path}`, { mtime: FIXED_MTIME, mode: 0o100644, compress: true });
	}
	zip.end();
	return zip.outputStream as Readable;
}
