// A synthesis' Markdown as HTML: each `[[cite:id]]` line becomes a blockquote linking to the quoted version and section.
import type { CitationView } from '../../shared/proceedings-views';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const CITE_LINE = /^\[\[cite:([A-Za-z0-9]+)\]\]\s*$/;

export const citationHref = (editionId: string, deliverableId: string, version: number, anchor: string) =>
	`/archive/${editionId}/deliverables/${deliverableId}/v/${version}${anchor ? `#${anchor}` : ''}`;

export type QuotedSource = Pick<CitationView, 'id' | 'quotedText' | 'attribution' | 'deliverableTitle' | 'version' | 'href'>;

export function citationBlock(c: QuotedSource): string {
	const paragraphs = c.quotedText
		.split(/\n\s*\n/)
		.map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('');
	const who = c.attribution ? `${esc(c.attribution)}, ` : '';
	return `<blockquote class="citation" id="cite-${esc(c.id)}" cite="${esc(c.href)}">${paragraphs}<footer>— ${who}<a href="${esc(c.href)}"><cite>${esc(c.deliverableTitle)}</cite>, v${c.version}</a></footer></blockquote>\n`;
}

/** Text between citation lines goes through the safe Markdown renderer; a line naming an unknown citation disappears. */
export function renderSynthesis(markdown: string, citations: QuotedSource[], renderMarkdown: (md: string) => string): string {
	const byId = new Map(citations.map((c) => [c.id, c]));
	const out: string[] = [];
	let pending: string[] = [];
	const flush = () => {
		if (pending.join('').trim()) out.push(renderMarkdown(pending.join('\n')));
		pending = [];
	};
	for (const line of markdown.split('\n')) {
		const cite = CITE_LINE.exec(line.trim());
		if (!cite) {
			pending.push(line);
			continue;
		}
		flush();
		const found = byId.get(cite[1]!);
		if (found) out.push(citationBlock(found));
	}
	flush();
	return out.join('');
}
