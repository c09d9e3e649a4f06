import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { createDocumentPreviews, type Preview } from '../../../server/previews/document-previews';
import { DOCX_MIME, ODT_MIME, htmlPreviewFormat } from '../../../server/shared/previews';

function zip(entries: Record<string, string>): Promise<Uint8Array> {
	const file = new yazl.ZipFile();
	for (const [name, text] of Object.entries(entries)) file.addBuffer(Buffer.from(text, 'utf8'), name, { compress: name !== 'mimetype' });
	file.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		file.outputStream.on('data', (c: Buffer) => chunks.push(c));
		file.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		file.outputStream.on('error', reject);
	});
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
function docx(paragraphs: string[]): Promise<Uint8Array> {
	return zip({
		'[Content_Types].xml':
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
		'_rels/.rels':
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
		'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs.map((p) => `<w:p>${p}</w:p>`).join('')}</w:body></w:document>`
	});
}

const ODT_NS =
	'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';
function odt(body: string): Promise<Uint8Array> {
	return zip({
		mimetype: ODT_MIME,
		'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODT_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`
	});
}

const source = (bytes: Uint8Array, mime: string, name: string, sha256 = `${name}-hash`) => ({ sha256, mime, name, size: bytes.byteLength });
const htmlOf = (preview: Preview) => {
	if (!('html' in preview)) throw new Error(`no preview: ${preview.none}`);
	return preview.html;
};

describe('document previews', () => {
	it('shows a DOCX as readable HTML, its text escaped', async () => {
		const bytes = await docx([run('Compte rendu ') + run('important', true), run('&lt;script&gt;alert(1)&lt;/script&gt; &amp; suite')]);
		const html = htmlOf(await createDocumentPreviews().preview(source(bytes, DOCX_MIME, 'cr.docx'), async () => bytes));
		expect(html).toContain('<p>Compte rendu <strong>important</strong></p>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; suite');
		expect(html).not.toMatch(/<script/i);
	});

	it('shows an ODT’s headings, paragraphs, spaces, lists, tables and safe links only', async () => {
		const bytes = await odt(
			'<text:h text:outline-level="2">Synthèse</text:h>' +
				'<text:p>Deux<text:s text:c="2"/>espaces, <text:span>un lien <text:a xlink:href="https://lamednum.coop">ici</text:a></text:span> ' +
				'et <text:a xlink:href="javascript:alert(1)">là</text:a> &lt;b&gt;</text:p>' +
				'<text:list><text:list-item><text:p>un</text:p></text:list-item><text:list-item><text:p>deux</text:p></text:list-item></text:list>' +
				'<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell></table:table-row></table:table>'
		);
		const html = htmlOf(await createDocumentPreviews().preview(source(bytes, ODT_MIME, 'cr.odt'), async () => bytes));
		expect(html).toContain('<h2>Synthèse</h2>');
		expect(html).toContain('Deux  espaces, un lien <a href="https://lamednum.coop">ici</a> et <a>là</a> &lt;b&gt;');
		expect(html).toContain('<ul><li><p>un</p></li><li><p>deux</p></li></ul>');
		expect(html).toContain('<table><tr><td><p>A1</p></td></tr></table>');
		expect(html).not.toContain('javascript:');
	});

	it('renders Markdown safely', async () => {
		const markdown = '# Titre\n\n**gras** [lien](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(2)</script>\n';
		const bytes = new TextEncoder().encode(markdown);
		const html = htmlOf(await createDocumentPreviews().preview(source(bytes, 'text/markdown', 'notes.md'), async () => bytes));
		expect(html).toContain('<h1>Titre</h1>');
		expect(html).toContain('<strong>gras</strong>');
		expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
	});

	it('keeps to its budget: unsupported types, files too large, unreadable or too slow files get no preview', async () => {
		const previews = createDocumentPreviews({ maxBytes: 1000 });
		const never = async (): Promise<Uint8Array> => {
			throw new Error('must not be read');
		};
		expect(await previews.preview({ sha256: 'a', mime: 'application/zip', name: 'x.zip', size: 10 }, never)).toEqual({ none: 'unsupported' });
		expect(await previews.preview({ sha256: 'b', mime: DOCX_MIME, name: 'x.docx', size: 1001 }, never)).toEqual({ none: 'tooLarge' });
		const broken = new TextEncoder().encode('not a zip at all');
		expect(await previews.preview(source(broken, ODT_MIME, 'x.odt'), async () => broken)).toEqual({ none: 'unreadable' });
		const big = await docx(Array.from({ length: 3000 }, (_, i) => run(`Paragraphe ${i}`)));
		expect(await createDocumentPreviews({ timeoutMs: 1 }).preview(source(big, DOCX_MIME, 'big.docx'), async () => big)).toEqual({ none: 'tooSlow' });
	});

	it('converts a blob once, whatever the file’s name', async () => {
		const bytes = await odt('<text:p>Une fois</text:p>');
		const previews = createDocumentPreviews();
		let reads = 0;
		const read = async () => {
			reads++;
			return bytes;
		};
		const first = await previews.preview(source(bytes, ODT_MIME, 'a.odt', 'same'), read);
		const second = await previews.preview(source(bytes, ODT_MIME, 'copie.odt', 'same'), read);
		expect(reads).toBe(1);
		expect(second).toEqual(first);
	});

	it('is offered for DOCX, ODT and Markdown only', () => {
		expect(htmlPreviewFormat(DOCX_MIME, 'a.docx')).toBe('docx');
		expect(htmlPreviewFormat(ODT_MIME, 'a.odt')).toBe('odt');
		expect(htmlPreviewFormat('text/markdown', 'a.md')).toBe('markdown');
		expect(htmlPreviewFormat('text/plain', 'a.txt')).toBeNull();
		expect(htmlPreviewFormat('application/vnd.oasis.opendocument.spreadsheet', 'a.ods')).toBeNull();
	});
});
