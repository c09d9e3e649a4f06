// Snippets arrive as escaped text with <mark> around matched words; this re-escapes them in the browser before
// {@html}, so that a snippet the server failed to escape can still only ever produce text and <mark>.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#039;': "'", '&#x27;': "'", '&apos;': "'" };
const escapeText = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Safe HTML for a snippet: text escaped again (known entities kept as they were meant), only balanced <mark>. */
export function safeSnippetHtml(snippet: string): string {
	let out = '';
	let open = false;
	for (const part of snippet.split(/(<\/?mark>)/i)) {
		const tag = part.toLowerCase();
		if (tag === '<mark>') {
			if (!open) out += '<mark>';
			open = true;
		} else if (tag === '</mark>') {
			if (open) out += '</mark>';
			open = false;
		} else {
			out += escapeText(part.replace(/&(?:amp|lt|gt|quot|apos|#0?39|#x27);/gi, (e) => ENTITIES[e.toLowerCase()] ?? e));
		}
	}
	return open ? `${out}</mark>` : out;
}

/** The snippet as plain text (for a title attribute or a screen-reader summary). */
export const snippetText = (snippet: string) => snippet.replace(/<\/?mark>/gi, '').replace(/&(?:amp|lt|gt|quot|apos|#0?39|#x27);/gi, (e) => ENTITIES[e.toLowerCase()] ?? e);
