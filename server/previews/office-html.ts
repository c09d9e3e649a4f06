// Office documents and Markdown as readable HTML: DOCX through mammoth, ODT's content.xml read here, Markdown through marked.
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { marked } from 'marked';
import type { HtmlPreviewFormat } from '../shared/previews';
import { readZipEntry } from '../search/extract/formats';

/** Unsanitised HTML for the document's body; the caller sanitises it. */
export async function documentHtml(format: HtmlPreviewFormat, bytes: Uint8Array): Promise<string> {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (format === 'docx') return (await mammoth.convertToHtml({ buffer })).value;
	if (format === 'markdown') return marked.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { async: false });
	const xml = await readZipEntry(bytes, 'content.xml', 20 * 1024 * 1024);
	if (!xml) throw new Error('not an OpenDocument text: no content.xml');
	return odtHtml(xml.toString('utf8'));
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: XmlNode) => (node[nameOf(node)] as XmlNode[] | undefined) ?? [];

/** OpenDocument text body: headings, paragraphs, lists, tables, links; styles are left out on purpose. */
export function odtHtml(xml: string): string {
	const root = parser.parse(xml) as XmlNode[];
	const find = (nodes: XmlNode[], name: string): XmlNode | undefined => {
		for (const node of nodes) {
			if (nameOf(node) === name) return node;
			const inner = typeof node[nameOf(node)] === 'object' ? find(childrenOf(node), name) : undefined;
			if (inner) return inner;
		}
		return undefined;
	};
	const text = find(root, 'office:text');
	return text ? render(childrenOf(text)) : '';
}

function render(nodes: XmlNode[]): string {
	return nodes.map(renderNode).join('');
}

function renderNode(node: XmlNode): string {
	const name = nameOf(node);
	const attrs = node[':@'] ?? {};
	const inner = () => render(childrenOf(node));
	switch (name) {
		case '#text':
			return escape(String(node['#text']));
		case 'text:h': {
			const level = Math.min(Math.max(Number(attrs['text:outline-level'] ?? 1) || 1, 1), 6);
			return `<h${level}>${inner()}</h${level}>`;
		}
		case 'text:p':
			return `<p>${inner()}</p>`;
		case 'text:list':
			return `<ul>${inner()}</ul>`;
		case 'text:list-item':
			return `<li>${inner()}</li>`;
		case 'text:s':
			return ' '.repeat(Math.min(Number(attrs['text:c'] ?? 1) || 1, 100));
		case 'text:tab':
			return ' ';
		case 'text:line-break':
			return '<br>';
		case 'text:a':
			return `<a href="${escape(attrs['xlink:href'] ?? '').replace(/"/g, '&quot;')}">${inner()}</a>`;
		case 'table:table':
			return `<table>${inner()}</table>`;
		case 'table:table-row':
			return `<tr>${inner()}</tr>`;
		case 'table:table-cell':
			return `<td>${inner()}</td>`;
		// Notes, tracked changes and drawings' own text would read out of place in the flow.
		case 'text:note':
		case 'text:tracked-changes':
		case 'office:annotation':
		case 'draw:frame':
			return '';
		default:
			return inner();
	}
}
