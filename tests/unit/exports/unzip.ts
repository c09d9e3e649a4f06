// Reads a whole zip (as the static-site export streams it) into path -> text, through yauzl.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export async function readStream(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function unzip(zip: Buffer): Promise<Map<string, { text: string; mtime: Date }>> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
			if (err || !file) return reject(err);
			const out = new Map<string, { text: string; mtime: Date }>();
			file.on('entry', (entry: yauzl.Entry) => {
				file.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e);
					readStream(stream).then((buf) => {
						out.set(entry.fileName, { text: buf.toString('utf8'), mtime: entry.getLastModDate() });
						file.readEntry();
					}, reject);
				});
			});
			file.on('end', () => resolve(out));
			file.on('error', reject);
			file.readEntry();
		});
	});
}
