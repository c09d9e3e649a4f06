// A small EPUB 3 writer on yazl: mimetype first and stored, container.xml, package.opf, nav.xhtml and XHTML chapters.
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { escapeHtml as esc } from './labels';

export type EpubChapter = { id: string; title: string; xhtmlBody: string };
export type EpubBook = { identifier: string; title: string; language: string; modified: string; rights: string; creators: string[]; css: string; chapters: EpubChapter[] };

const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const VOID = /<(br|hr|img|input|meta|link|col|wbr|source)(\s[^<>]*?)?\s*\/?>/gi;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** HTML from the renderers is already balanced; XHTML also wants void elements closed and only XML's named entities. */
export const toXhtml = (html: string) =>
	html
		.replace(VOID, (_m, tag: string, attrs = '') => `<${tag.toLowerCase()}${attrs}/>`)
		.replace(/&([a-zA-Z]+);/g, (m, name: string) => (XML_ENTITIES.has(name) ? m : name === 'nbsp' ? '&#160;' : `&amp;${name};`));

const page = (lang: string, title: string, body: string, extraNs = '') => `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${extraNs} xml:lang="${lang}" lang="${lang}">
<head><meta charset="utf-8"/><title>${esc(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
${body}
</body>
</html>
`;

export function epubFiles(book: EpubBook): [string, string][] {
	const nav = `<nav epub:type="toc" id="toc"><h1>${esc(book.title)}</h1><ol>${book.chapters.map((c) => `<li><a href="${c.id}.xhtml">${esc(c.title)}</a></li>`).join('')}</ol></nav>`;
	const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${book.language}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${esc(book.identifier)}</dc:identifier>
<dc:title>${esc(book.title)}</dc:title>
<dc:language>${book.language}</dc:language>
<dc:rights>${esc(book.rights)}</dc:rights>
${book.creators.map((c) => `<dc:creator>${esc(c)}</dc:creator>`).join('\n')}
<meta property="dcterms:modified">${book.modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="style.css" media-type="text/css"/>
${book.chapters.map((c) => `<item id="${c.id}" href="${c.id}.xhtml" media-type="application/xhtml+xml"/>`).join('\n')}
</manifest>
<spine>
<itemref idref="nav"/>
${book.chapters.map((c) => `<itemref idref="${c.id}"/>`).join('\n')}
</spine>
</package>
`;
	return [
		['META-INF/container.xml', `<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n`],
		['OEBPS/package.opf', opf],
		['OEBPS/nav.xhtml', page(book.language, book.title, nav, ' xmlns:epub="http://www.idpf.org/2007/ops"')],
		['OEBPS/style.css', book.css],
		...book.chapters.map((c): [string, string] => [`OEBPS/${c.id}.xhtml`, page(book.language, c.title, `<section id="${c.id}"><h2>${esc(c.title)}</h2>\n${toXhtml(c.xhtmlBody)}</section>`)])
	];
}

/** The OCF zip: `mimetype` must be the first entry, uncompressed, so readers can sniff the type. */
export function zipOcf(mimetype: string, files: [string, string | Buffer][]): Readable {
	const zip = new yazl.ZipFile();
	zip.addBuffer(Buffer.from(mimetype, 'ascii'), 'mimetype', { mtime: FIXED_MTIME, mode: 0o100644, compress: false });
	for (const [path, content] of files) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), path, { mtime: FIXED_MTIME, mode: 0o100644, compress: true });
	zip.end();
	return zip.outputStream as Readable;
}

export const writeEpub = (book: EpubBook): Readable => zipOcf('application/epub+zip', epubFiles(book));
