// Renders a pad's ProseMirror JSON as safe, semantic HTML (history views now, exports later); no DOM needed.
import { peopleAsText } from './person-names';
import { withoutTemplatePrompts } from './template-prompts';

type Mark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: Mark[] };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const safeUrl = (href: unknown) => (typeof href === 'string' && /^(https?:|mailto:|\/)/i.test(href) ? href : null);

const markTags: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u' };

function renderText(node: PmNode): string {
	let html = escape(node.text ?? '');
	for (const mark of node.marks ?? []) {
		if (mark.type === 'link') {
			const href = safeUrl(mark.attrs?.href);
			if (href) html = `<a href="${escape(href)}" rel="noopener nofollow">${html}</a>`;
		} else if (markTags[mark.type]) {
			html = `<${markTags[mark.type]}>${html}</${markTags[mark.type]}>`;
		}
	}
	return html;
}

const blockTags: Record<string, string> = {
	paragraph: 'p',
	blockquote: 'blockquote',
	bulletList: 'ul',
	orderedList: 'ol',
	listItem: 'li',
	table: 'table',
	tableRow: 'tr',
	tableCell: 'td',
	tableHeader: 'th'
};

export function renderPadHtml(node: PmNode): string {
	const inner = () => (node.content ?? []).map(renderPadHtml).join('');
	switch (node.type) {
		case 'doc':
			return (peopleAsText(withoutTemplatePrompts(node)).content ?? []).map(renderPadHtml).join('');
		case 'text':
			return renderText(node);
		case 'heading': {
			const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 1), 6);
			return `<h${level}>${inner()}</h${level}>`;
		}
		case 'hardBreak':
			return '<br>';
		case 'horizontalRule':
			return '<hr>';
		case 'codeBlock':
			return `<pre><code>${inner()}</code></pre>`;
		case 'taskList':
			return `<ul class="task-list">${inner()}</ul>`;
		case 'taskItem':
			return `<li><input type="checkbox" disabled${node.attrs?.checked ? ' checked' : ''} aria-label="${node.attrs?.checked ? '☑' : '☐'}"> ${inner()}</li>`;
		case 'image': {
			const src = safeUrl(node.attrs?.src);
			return src ? `<img src="${escape(src)}" alt="${escape(String(node.attrs?.alt ?? ''))}">` : '';
		}
		case 'table':
			return `<table><tbody>${inner()}</tbody></table>`;
		default: {
			const tag = blockTags[node.type];
			return tag ? `<${tag}>${inner()}</${tag}>` : inner();
		}
	}
}
