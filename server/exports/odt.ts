// A small ODT writer: the renderers' HTML becomes ODF headings and paragraphs in content.xml, with styles and manifest.
import type { Readable } from 'node:stream';
import { zipOcf } from './epub';

export type OdtChapter = { title: string; html: string };
export type OdtBook = { title: string; language: string; subtitle: string; chapters: OdtChapter[] };

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const decodeEntities = (s: string) =>
	s
		.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&(lt|gt|quot|#39|apos|nbsp|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0', amp: '&' })[e]!);

/** Inline HTML to ODF spans: links stay links, line breaks stay, every other tag leaves only its text. */
function inline(html: string): string {
	const parts: string[] = [];
	const re = /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>|<br\s*\/?>|<[^>]+>|([^<]+)/g;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		if (m[1] !== undefined) parts.push(`<text:a xlink:type="simple" xlink:href="${xml(decodeEntities(m[1]))}">${xml(decodeEntities(m[2]!.replace(/<[^>]+>/g, '')))}</text:a>`);
		else if (m[3] !== undefined) parts.push(xml(decodeEntities(m[3])));
		else if (/^<br/i.test(m[0])) parts.push('<text:line-break/>');
	}
	return parts.join('');
}

/** Block tags in document order; a paragraph inside a blockquote takes the Quotations style. */
export function htmlToOdf(html: string, headingShift = 0): string {
	const out: string[] = [];
	const re = /<(h[1-6]|p|li|dt|dd|footer)\b[^>]*>([\s\S]*?)<\/\1>|<(\/?)blockquote\b[^>]*>/gi;
	let quoteDepth = 0;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		if (m[1] === undefined) {
			quoteDepth += m[3] === '/' ? -1 : 1;
			continue;
		}
		const tag = m[1].toLowerCase();
		const body = inline(m[2]!);
		if (tag.startsWith('h')) {
			const level = Math.min(10, Number(tag[1]) + headingShift);
			out.push(`<text:h text:style-name="Heading_20_${Math.min(level, 4)}" text:outline-level="${level}">${body}</text:h>`);
		} else {
			const style = quoteDepth > 0 ? 'Quotations' : tag === 'li' ? 'List_20_Item' : tag === 'dt' ? 'Term' : 'Text_20_body';
			out.push(`<text:p text:style-name="${style}">${tag === 'li' ? '• ' : ''}${body}</text:p>`);
		}
	}
	return out.join('\n');
}

const NS =
	'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

const paragraphStyle = (name: string, props: string, text = '') =>
	`<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties ${props}/>${text ? `<style:text-properties ${text}/>` : ''}</style:style>`;

const stylesXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:styles>
${paragraphStyle('Standard', 'fo:margin-bottom="0.2cm"', 'style:font-name="Georgia" fo:font-size="11pt"')}
${paragraphStyle('Text_20_body', 'fo:margin-bottom="0.25cm" fo:line-height="130%"')}
${paragraphStyle('Title', 'fo:text-align="center" fo:margin-bottom="0.5cm"', 'fo:font-size="24pt" fo:font-weight="bold"')}
${paragraphStyle('Subtitle', 'fo:text-align="center"', 'fo:font-size="12pt" fo:font-style="italic"')}
${paragraphStyle('Heading_20_1', 'fo:margin-top="0.6cm" fo:margin-bottom="0.3cm" fo:break-before="page"', 'fo:font-size="20pt" fo:font-weight="bold"')}
${paragraphStyle('Heading_20_2', 'fo:margin-top="0.5cm" fo:margin-bottom="0.2cm"', 'fo:font-size="16pt" fo:font-weight="bold"')}
${paragraphStyle('Heading_20_3', 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"', 'fo:font-size="13pt" fo:font-weight="bold"')}
${paragraphStyle('Heading_20_4', 'fo:margin-top="0.3cm"', 'fo:font-size="11pt" fo:font-weight="bold"')}
${paragraphStyle('Quotations', 'fo:margin-left="1cm" fo:margin-right="1cm" fo:border-left="0.06cm solid #999999" fo:padding-left="0.3cm"', 'fo:font-style="italic"')}
${paragraphStyle('List_20_Item', 'fo:margin-left="0.6cm"')}
${paragraphStyle('Term', 'fo:margin-top="0.2cm"', 'fo:font-weight="bold"')}
</office:styles></office:document-styles>
`;

export function odtFiles(book: OdtBook): [string, string][] {
	const body = [
		`<text:p text:style-name="Title">${xml(book.title)}</text:p>`,
		`<text:p text:style-name="Subtitle">${xml(book.subtitle)}</text:p>`,
		...book.chapters.map((c) => `<text:h text:style-name="Heading_20_1" text:outline-level="1">${xml(c.title)}</text:h>\n${htmlToOdf(c.html, -1)}`)
	].join('\n');
	const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3"><office:body><office:text>
${body}
</office:text></office:body></office:document-content>
`;
	const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><dc:title>${xml(book.title)}</dc:title><dc:language>${book.language}</dc:language><meta:generator>MédiaLab</meta:generator></office:meta></office:document-meta>
`;
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text" manifest:version="1.3"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
	return [
		['META-INF/manifest.xml', manifest],
		['content.xml', content],
		['styles.xml', stylesXml],
		['meta.xml', meta]
	];
}

export const writeOdt = (book: OdtBook): Readable => zipOcf('application/vnd.oasis.opendocument.text', odtFiles(book));
