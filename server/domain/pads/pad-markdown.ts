// Renders a pad's ProseMirror JSON as CommonMark with GitHub tables and task lists (exports, deliverable versions, diffs).
import type { PmNode } from './pad-html';
import { peopleAsText } from './person-names';
import { withoutTemplatePrompts } from './template-prompts';

type Mark = NonNullable<PmNode['marks']>[number];

const safeUrl = (href: unknown) => (typeof href === 'string' && /^(https?:|mailto:|\/)/i.test(href) ? href : null);
/** Destinations with spaces or parentheses go between angle brackets, which keeps them one link. */
const destination = (url: string) => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);

/** Backslash-escapes what Markdown would otherwise read as syntax. */
function escapeText(text: string): string {
	return text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}
/** A block whose text starts like another block (heading, list, quote, rule) stays a paragraph. */
function escapeLineStart(line: string): string {
	return line
		.replace(/^(\s*)(#{1,6}|[-+=])(?=\s|$)/, '$1\\$2')
		.replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

const markOrder = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];
const rank = (m: Mark) => {
	const i = markOrder.indexOf(m.type);
	return i < 0 ? markOrder.length : i;
};
const sameMark = (a: Mark, b: Mark) => a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href);

function open(mark: Mark): string {
	switch (mark.type) {
		case 'bold':
			return '**';
		case 'italic':
			return '_';
		case 'strike':
			return '~~';
		case 'underline':
			return '<u>';
		case 'link':
			return safeUrl(mark.attrs?.href) ? '[' : '';
		default:
			return '';
	}
}
function close(mark: Mark): string {
	if (mark.type === 'link') {
		const href = safeUrl(mark.attrs?.href);
		return href ? `](${destination(href)})` : '';
	}
	return mark.type === 'underline' ? '</u>' : open(mark);
}

function codeSpan(text: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(longest + 1);
	const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

/** Inline content with marks opened and closed like a stack, so « **a _b_** » does not become « **a****_b_** ». */
function renderInline(nodes: PmNode[]): string {
	let out = '';
	const active: Mark[] = [];
	// Trailing spaces wait for the next node: outside the marks that end there, inside those that go on.
	let pending = '';
	const closeTo = (depth: number) => {
		while (active.length > depth) out += close(active.pop()!);
	};
	const flush = (depth: number) => {
		closeTo(depth);
		out += pending;
		pending = '';
	};
	for (const node of nodes) {
		if (node.type === 'hardBreak') {
			flush(0);
			out += '\\\n';
			continue;
		}
		if (node.type === 'image') {
			flush(0);
			out += renderImage(node);
			continue;
		}
		if (node.type !== 'text') continue;
		const marks = [...(node.marks ?? [])].filter((m) => m.type !== 'code').sort((a, b) => rank(a) - rank(b));
		let keep = 0;
		while (keep < active.length && keep < marks.length && sameMark(active[keep]!, marks[keep]!)) keep++;
		const raw = node.text ?? '';
		const isCode = (node.marks ?? []).some((m) => m.type === 'code');
		// Emphasis may not start or end on a space in CommonMark: spaces go outside the marks.
		const lead = isCode ? '' : (raw.match(/^\s+/)?.[0] ?? '');
		const trail = isCode ? '' : (raw.slice(lead.length).match(/\s+$/)?.[0] ?? '');
		const body = raw.slice(lead.length, raw.length - trail.length);
		flush(keep);
		out += lead;
		for (const m of marks.slice(keep)) {
			out += open(m);
			active.push(m);
		}
		out += isCode ? codeSpan(raw) : escapeText(body);
		pending = trail;
	}
	flush(0);
	return out;
}

function renderImage(node: PmNode): string {
	const src = safeUrl(node.attrs?.src);
	if (!src) return '';
	const alt = String(node.attrs?.alt ?? '').replace(/[[\]\\<>]/g, '\\$&');
	return `![${alt}](${destination(src)})`;
}

const indent = (text: string, width: number) =>
	text
		.split('\n')
		.map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(width) + line))
		.join('\n');

function renderItem(marker: string, item: PmNode): string {
	return marker + indent(renderBlock(item), marker.length);
}

function renderTable(node: PmNode): string {
	const rows = (node.content ?? []).map((row) =>
		(row.content ?? []).map((cell) =>
			(cell.content ?? [])
				.map((block) => (block.content ? renderInline(block.content) : ''))
				.join('<br>')
				.replace(/\\\n/g, '<br>')
				.replace(/\n/g, ' ')
		)
	);
	if (rows.length === 0) return '';
	const width = Math.max(...rows.map((r) => r.length));
	const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
	return [line(rows[0]!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function renderBlock(node: PmNode): string {
	const children = () => (node.content ?? []).map(renderBlock).filter((b) => b !== '');
	switch (node.type) {
		case 'doc':
			return children().join('\n\n');
		case 'paragraph':
			return escapeLineStart(renderInline(node.content ?? []));
		case 'heading': {
			const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 1), 6);
			return `${'#'.repeat(level)} ${renderInline(node.content ?? [])}`.trimEnd();
		}
		case 'blockquote':
			return children()
				.join('\n\n')
				.split('\n')
				.map((line) => (line === '' ? '>' : `> ${line}`))
				.join('\n');
		case 'bulletList':
			return (node.content ?? []).map((item) => renderItem('- ', item)).join('\n');
		case 'orderedList': {
			const start = Number(node.attrs?.start ?? 1) || 1;
			return (node.content ?? []).map((item, i) => renderItem(`${start + i}. `, item)).join('\n');
		}
		case 'taskList':
			return (node.content ?? []).map((item) => renderItem(item.attrs?.checked ? '- [x] ' : '- [ ] ', item)).join('\n');
		case 'listItem':
		case 'taskItem': {
			// Nested lists hug their item; a second paragraph needs a blank line or it would merge into the first.
			const blocks = (node.content ?? []).filter((b) => renderBlock(b) !== '');
			return blocks.map((b, i) => (i === 0 ? '' : /List$/.test(b.type) ? '\n' : '\n\n') + renderBlock(b)).join('');
		}
		case 'codeBlock': {
			const text = (node.content ?? []).map((n) => n.text ?? '').join('');
			const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
			const fence = '`'.repeat(longest + 1);
			const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
			return `${fence}${language}\n${text}\n${fence}`;
		}
		case 'horizontalRule':
			return '---';
		case 'image':
			return renderImage(node);
		case 'table':
			return renderTable(node);
		case 'text':
		case 'hardBreak':
			return renderInline([node]);
		default:
			return children().join('\n\n');
	}
}

/** CommonMark + GFM for a whole pad document; ends with one newline. */
export function renderPadMarkdown(doc: PmNode): string {
	const text = renderBlock(peopleAsText(withoutTemplatePrompts(doc))).replace(/\n{3,}/g, '\n\n').trim();
	return text === '' ? '' : `${text}\n`;
}
