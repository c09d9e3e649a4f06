// Kit Markdown to HTML for the kit pages: raw HTML in a guide is shown as text, links keep only safe protocols.
import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const SAFE_HREF = /^(https?:|mailto:|#|\/(?!\/)|\.{0,2}\/?[\w-])/i;

/** Heading levels move down by `shift` so a guide's « # Title » sits under the page's own h1/h2. */
export function renderKitMarkdown(markdown: string, options: { headingShift?: number; resolveLink?: (href: string) => string | null } = {}): string {
	const shift = options.headingShift ?? 0;
	const marked = new Marked({
		gfm: true,
		renderer: {
			html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
			link(token: Tokens.Link) {
				const text = this.parser.parseInline(token.tokens);
				const resolved = options.resolveLink?.(token.href);
				if (resolved) return `<a href="${escapeHtml(resolved)}">${text}</a>`;
				if (!SAFE_HREF.test(token.href) || /^\s*(javascript|data|vbscript):/i.test(token.href)) return text;
				const external = /^https?:/i.test(token.href);
				return `<a href="${escapeHtml(token.href)}"${external ? ' rel="noopener nofollow"' : ''}>${text}</a>`;
			},
			image: (token: Tokens.Image) => escapeHtml(token.text),
			// A guide's checklist is read, not filled in here: a box drawn as text, not an unlabelled form field.
			checkbox: (token: Tokens.Checkbox) => (token.checked ? '☑ ' : '☐ '),
			heading(token: Tokens.Heading) {
				const level = Math.min(6, token.depth + shift);
				return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
			}
		}
	});
	return marked.parse(markdown, { async: false });
}
