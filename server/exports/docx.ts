// A DOCX booklet on the `docx` library: cover, a Word TOC field, running head, page numbers, the renderers' HTML as styled paragraphs.
import { Readable } from 'node:stream';
import {
	AlignmentType,
	Bookmark,
	Document,
	ExternalHyperlink,
	Footer,
	Header,
	HeadingLevel,
	Packer,
	PageNumber,
	Paragraph,
	TableOfContents,
	TextRun,
	type ParagraphChild
} from 'docx';
import { decodeEntities } from './odt';

export type DocxChapter = { anchor: string; title: string; html: string };
export type DocxBook = {
	title: string;
	subtitle: string;
	tocTitle: string;
	description: string;
	licence: { name: string; url: string };
	chapters: DocxChapter[];
};

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
type Marks = { bold: boolean; italics: boolean; code: boolean };

const run = (text: string, marks: Marks, link = false) =>
	new TextRun({ text, bold: marks.bold, italics: marks.italics, font: marks.code ? 'Courier New' : undefined, style: link ? 'Hyperlink' : undefined });

/** Inline HTML to runs: bold, italics and code marks, line breaks, http(s) links as hyperlinks; other tags keep their text. */
export function inlineRuns(html: string): ParagraphChild[] {
	const out: ParagraphChild[] = [];
	const marks: Marks = { bold: false, italics: false, code: false };
	const re = /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>|<br\s*\/?>|<(\/?)(strong|b|em|i|cite|code)\b[^>]*>|<[^>]+>|([^<]+)/gi;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		if (m[1] !== undefined) {
			const link = decodeEntities(m[1]);
			const text = decodeEntities(m[2]!.replace(/<[^>]+>/g, ''));
			out.push(/^https?:\/\//i.test(link) ? new ExternalHyperlink({ link, children: [run(text, marks, true)] }) : run(text, marks));
		} else if (m[5] !== undefined) out.push(run(decodeEntities(m[5]), marks));
		else if (m[4] !== undefined) {
			const tag = m[4].toLowerCase();
			const key = tag === 'code' ? 'code' : tag === 'strong' || tag === 'b' ? 'bold' : 'italics';
			marks[key] = m[3] !== '/';
		} else if (/^<br/i.test(m[0])) out.push(new TextRun({ break: 1 }));
	}
	return out;
}

/** Block tags in document order: headings shifted under the chapter title, list items as bullets, quotes in the Quote style. */
export function htmlToParagraphs(html: string, headingShift = 0): Paragraph[] {
	const out: Paragraph[] = [];
	// A list item's own text runs up to the next list tag, so a nested list's items come as their own matches.
	const re = /<li\b[^>]*>((?:(?!<\/?(?:li|ul|ol)\b)[\s\S])*)|<(h[1-6]|p|dt|dd|pre|footer)\b[^>]*>([\s\S]*?)<\/\2>|<(\/?)(blockquote|ul|ol)\b[^>]*>/gi;
	let quoteDepth = 0;
	let listDepth = 0;
	const style = (fallback?: string) => (quoteDepth > 0 ? 'Quote' : fallback);
	for (let m = re.exec(html); m; m = re.exec(html)) {
		if (m[1] !== undefined) {
			out.push(new Paragraph({ bullet: { level: Math.max(0, listDepth - 1) }, style: style(), children: inlineRuns(m[1]) }));
			continue;
		}
		if (m[2] === undefined) {
			const delta = m[4] === '/' ? -1 : 1;
			if (m[5]!.toLowerCase() === 'blockquote') quoteDepth += delta;
			else listDepth += delta;
			continue;
		}
		const tag = m[2].toLowerCase();
		const children = inlineRuns(tag === 'pre' ? `<code>${m[3]!.replace(/\n(<\/code>)?$/, '$1').replace(/\n/g, '<br>')}</code>` : m[3]!);
		if (tag.startsWith('h')) out.push(new Paragraph({ heading: headings[Math.min(5, Math.max(0, Number(tag[1]) - 1 + headingShift))], children }));
		else out.push(new Paragraph({ style: style(tag === 'dt' ? 'Term' : undefined), children }));
	}
	return out;
}

const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
const runningHead = (title: string) => new Header({ children: [new Paragraph({ style: 'RunningHead', children: [new TextRun(title)] })] });

export function docxDocument(book: DocxBook): Document {
	const chapters = book.chapters.flatMap((c) => [
		new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new Bookmark({ id: c.anchor.replace(/[^A-Za-z0-9_]/g, '_'), children: [new TextRun(c.title)] })] }),
		...htmlToParagraphs(c.html, -1)
	]);
	return new Document({
		title: book.title,
		description: book.description,
		creator: 'MédiaLab',
		customProperties: [
			{ name: 'licence', value: book.licence.name },
			{ name: 'licence_url', value: book.licence.url }
		],
		// Word fills the TOC field's page numbers when it opens the file (after asking); LibreOffice on « Update ».
		features: { updateFields: true },
		styles: {
			default: { document: { run: { font: 'Georgia', size: 22 } } },
			paragraphStyles: [
				{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 567, right: 567 } } },
				{ id: 'Term', name: 'Term', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 120 } } },
				{ id: 'TocTitle', name: 'TOC title', basedOn: 'Normal', run: { bold: true, size: 32 }, paragraph: { spacing: { after: 240 } } },
				{ id: 'RunningHead', name: 'Running head', basedOn: 'Normal', run: { size: 16, color: '555555' } }
			]
		},
		sections: [
			{
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 2400 }, children: [new TextRun(book.title)] }),
					new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: book.subtitle, italics: true })] }),
					new Paragraph({ pageBreakBefore: true, style: 'TocTitle', children: [new TextRun(book.tocTitle)] }),
					new TableOfContents(book.tocTitle, { hyperlink: true, headingStyleRange: '1-3' })
				]
			},
			{ headers: { default: runningHead(book.title) }, footers: { default: footer }, children: chapters }
		]
	});
}

/** The library zips in memory (its own stream is not a Node Readable): one buffer, handed on as a stream like the other formats. */
export const writeDocx = (book: DocxBook): Readable =>
	Readable.from(
		(async function* () {
			yield await Packer.toBuffer(docxDocument(book));
		})()
	);
