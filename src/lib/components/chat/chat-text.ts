// Splits a chat message into plain text and safe links; the component renders both as text nodes, never as HTML.
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually ends the sentence rather than the address. */
const TRAILING = /[.,;:!?»)\]}]+$/;

/** The address as a clickable href, or null unless it is a well-formed http(s) URL. */
export function safeHref(candidate: string): string | null {
	try {
		const url = new URL(candidate);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

export function linkify(text: string): TextSegment[] {
	const segments: TextSegment[] = [];
	let last = 0;
	const push = (piece: string) => {
		if (piece === '') return;
		const previous = segments.at(-1);
		if (previous?.kind === 'text') previous.text += piece;
		else segments.push({ kind: 'text', text: piece });
	};
	for (const match of text.matchAll(URL_CANDIDATE)) {
		const raw = match[0];
		const trimmed = raw.replace(TRAILING, '');
		const href = safeHref(trimmed);
		push(text.slice(last, match.index));
		if (href) {
			segments.push({ kind: 'link', text: trimmed, href });
			push(raw.slice(trimmed.length));
		} else push(raw);
		last = match.index + raw.length;
	}
	push(text.slice(last));
	return segments;
}
