// Text extraction for each supported format, from small fixture files built here, through the worker thread.
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createExtractor } from '../../../server/search/extract/extractor';
import { extractText } from '../../../server/search/extract/formats';

function zip(entries: Record<string, string>): Promise<Buffer> {
	const z = new yazl.ZipFile();
	for (const [name, content] of Object.entries(entries)) z.addBuffer(Buffer.from(content), name, { compress: name !== 'mimetype' });
	z.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		z.outputStream.on('data', (c: Buffer) => chunks.push(c));
		z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
		z.outputStream.on('error', reject);
	});
}

/** A one-page PDF with one text object and a correct cross-reference table. */
function pdf(text: string): Buffer {
	const stream = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
	const objects = [
		'<</Type/Catalog/Pages 2 0 R>>',
		'<</Type/Pages/Kids[3 0 R]/Count 1>>',
		'<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
		`<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
		'<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

const odt = (paragraphs: string[]) =>
	zip({
		mimetype: 'application/vnd.oasis.opendocument.text',
		'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h text:outline-level="1">${paragraphs[0]}</text:h>${paragraphs
			.slice(1)
			.map((p) => `<text:p>${p.replace(/ {2}/g, ' <text:s/>')}</text:p>`)
			.join('')}</office:text></office:body></office:document-content>`
	});

const docx = (paragraphs: string[]) =>
	zip({
		'[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
		'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
			.map((p) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${p.split(' ').map((word, i) => `<w:r><w:t xml:space="preserve">${i ? ' ' : ''}${word}</w:t></w:r>`).join('')}</w:p>`)
			.join('')}</w:body></w:document>`
	});

describe('text extraction', () => {
	const extractor = createExtractor();
	afterAll(() => extractor.close());

	it('reads plain text, Markdown and HTML, keeping paragraphs and dropping markup and scripts', async () => {
		expect(await extractor.extract(Buffer.from('\uFEFFPremière ligne\nDeuxième ligne'), 'notes.txt', 'text/plain')).toEqual({ text: 'Première ligne\nDeuxième ligne', note: null });
		const md = await extractor.extract(Buffer.from('# Les communs\n\nUn **commun** se *maintient*.\n\n- financer\n- valoriser'), 'c.md', 'text/plain');
		expect(md.text).toBe('Les communs\nUn commun se maintient.\nfinancer\nvaloriser');
		const html = await extractor.extract(
			Buffer.from('<html><head><title>x</title><style>p{}</style></head><body><h1>Titre</h1><script>alert(1)</script><p>Tiers-lieu &amp; fablab&nbsp;: <b>Plateforme C</b></p></body></html>'),
			'page.html',
			'text/html'
		);
		expect(html.text).toBe('Titre\nTiers-lieu & fablab : Plateforme C');
	});

	it('reads PDF text', async () => {
		const r = await extractor.extract(pdf('Identifier les ressources communes'), 'grille.pdf', 'application/pdf');
		expect(r).toEqual({ text: 'Identifier les ressources communes', note: null });
	});

	it('reads ODT and DOCX text, one paragraph a line', async () => {
		const o = await extractor.extract(await odt(['Compte rendu', 'Huit piliers  pour un commun', 'Licence libre']), 'cr.odt', 'application/vnd.oasis.opendocument.text');
		expect(o).toEqual({ text: 'Compte rendu\nHuit piliers pour un commun\nLicence libre', note: null });
		const d = await extractor.extract(await docx(['Financer les communs', 'Valoriser et disséminer']), 'cr.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(d).toEqual({ text: 'Financer les communs\nValoriser et disséminer', note: null });
	});

	it('never throws on a broken file: empty text and a note saying it is indexed by name only', async () => {
		const broken = await extractor.extract(Buffer.from('%PDF-1.4 not really'), 'casse.pdf', 'application/pdf');
		expect(broken.text).toBe('');
		expect(broken.note).toMatch(/unreadable PDF.*indexed by name only/);
		const notZip = await extractText(Buffer.from('plain bytes'), 'faux.docx', 'application/octet-stream');
		expect(notZip.note).toMatch(/unreadable DOCX/);
		const emptyZip = await extractText(await zip({ 'autre.txt': 'x' }), 'vide.odt', 'application/vnd.oasis.opendocument.text');
		expect(emptyZip.note).toMatch(/without its text part/);
		expect(await extractText(Buffer.from([0x89, 0x50]), 'photo.png', 'image/png')).toEqual({ text: '', note: null });
	});
});
