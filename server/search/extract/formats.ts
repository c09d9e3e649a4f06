// Plain text out of a file's bytes: text, Markdown, HTML, PDF, ODT, DOCX; paragraphs stay on their own lines.
import { marked } from 'marked';
import yauzl from 'yauzl';

export type Extracted = { text: string; note: string | null };

/** Enough for any document's words; beyond it the text is cut and the note says so. */
export const MAX_TEXT_CHARS = 1_000_000;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', laquo: '«', raquo: '»', rsquo: '’', hellip: '…' };

export function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
		if (code[0] === '#') {
			const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
			return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
		}
		return entities[code.toLowerCase()] ?? whole;
	});
}

const tidy = (s: string) =>
	s
		.replace(/[ \t\f\v\u00a0]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{2,}/g, '\n')
		.trim();

export function htmlToText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(p|div|h[1-6]|li|ul|ol|tr|table|blockquote|section|article|header|footer|pre|dd|dt|title)\b[^>]*>/gi, '\n')
		.replace(/<(td|th)\b[^>]*>/gi, ' ')
		.replace(/<[^>]*>/g, '');
	return tidy(decodeEntities(text));
}

export const markdownToText = (md: string) => htmlToText(marked.parse(md, { async: false }));

export function decodeUtf8(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
}

/** The entry `name` of a zip, or null when it has none. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes = 50 * 1024 * 1024): Promise<Buffer | null> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err ?? new Error('not a zip file'));
			let found = false;
			zip.on('entry', (entry: yauzl.Entry) => {
				if (entry.fileName !== name) return zip.readEntry();
				found = true;
				if (entry.uncompressedSize > maxBytes) return reject(new Error(`${name} is larger than ${maxBytes} bytes`));
				zip.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e ?? new Error(`cannot read ${name}`));
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						zip.close();
						resolve(Buffer.concat(chunks));
					});
					stream.on('error', reject);
				});
			});
			zip.on('end', () => {
				if (!found) resolve(null);
			});
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

/** OpenDocument text: paragraphs and headings on their lines, <text:s/> spaces, tabs and line breaks kept. */
export function odtXmlToText(xml: string): string {
	const body = xml.replace(/^[\s\S]*?<office:body>/, '');
	const text = body
		.replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, c: string | undefined) => ' '.repeat(Number(c ?? 1)))
		.replace(/<text:tab\s*\/>/g, '\t')
		.replace(/<text:line-break\s*\/>/g, '\n')
		.replace(/<\/text:(p|h)>/g, '\n')
		.replace(/<[^>]*>/g, '');
	return tidy(decodeEntities(text));
}

/** Word XML: only the text runs (<w:t>), one paragraph (<w:p>) a line. */
export function docxXmlToText(xml: string): string {
	const paragraphs = xml.split(/<\/w:p>/);
	const lines = paragraphs.map((p) =>
		decodeEntities(
			p
				.replace(/<w:tab\/>/g, '\t')
				.replace(/<w:br\/>/g, '\n')
				.replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<(?!\/?w:t\b)[^>]*>|<\/?w:t[^>]*>/g, (_, t: string | undefined) => t ?? '')
		)
	);
	return tidy(lines.join('\n'));
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
	const { extractText, getDocumentProxy } = await import('unpdf');
	const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
	const { text } = await extractText(pdf, { mergePages: false });
	await pdf.destroy();
	return tidy(text.join('\n\n'));
}

type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'odt' | 'docx' | null;

export function formatOf(name: string, mime: string): Format {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
	if (mime === 'application/pdf' || ext === 'pdf') return 'pdf';
	if (mime === 'application/vnd.oasis.opendocument.text' || ext === 'odt') return 'odt';
	if (mime.startsWith('application/vnd.openxmlformats-officedocument.wordprocessingml') || ext === 'docx') return 'docx';
	if (ext === 'md' || ext === 'markdown' || mime === 'text/markdown') return 'markdown';
	if (ext === 'html' || ext === 'htm' || mime === 'text/html') return 'html';
	if (mime.startsWith('text/') || ['txt', 'csv', 'tsv', 'json', 'srt', 'vtt'].includes(ext)) return 'text';
	return null;
}

/** Never throws: a file that cannot be read gives empty text and a note saying why. */
export async function extractText(bytes: Uint8Array, name: string, mime: string): Promise<Extracted> {
	const format = formatOf(name, mime);
	if (!format) return { text: '', note: null };
	try {
		let text: string;
		if (format === 'pdf') text = await pdfToText(bytes);
		else if (format === 'odt' || format === 'docx') {
			const entry = await readZipEntry(bytes, format === 'odt' ? 'content.xml' : 'word/document.xml');
			if (!entry) return { text: '', note: `${format.toUpperCase()} without its text part: indexed by name only` };
			text = format === 'odt' ? odtXmlToText(entry.toString('utf8')) : docxXmlToText(entry.toString('utf8'));
		} else {
			const raw = decodeUtf8(bytes);
			text = format === 'html' ? htmlToText(raw) : format === 'markdown' ? markdownToText(raw) : tidy(raw);
		}
		if (text.length > MAX_TEXT_CHARS) return { text: text.slice(0, MAX_TEXT_CHARS), note: `text cut after ${MAX_TEXT_CHARS} characters` };
		return { text, note: null };
	} catch (e) {
		return { text: '', note: `unreadable ${format.toUpperCase()} (${(e as Error).message.slice(0, 200)}): indexed by name only` };
	}
}
