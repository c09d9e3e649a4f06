// Counts the words of a pad's ProseMirror JSON: letters and digits, with inner apostrophes and hyphens (« aujourd’hui » is one).
type Node = { type?: string; text?: string; content?: Node[] };

const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function collect(node: Node, out: string[]) {
	if (typeof node.text === 'string') {
		out.push(node.text);
		return;
	}
	for (const child of node.content ?? []) collect(child, out);
	// Blocks end with a break so words in adjacent paragraphs never merge; marks inside a word do not split it.
	out.push(' ');
}

/** The pad's text with a break between blocks; anything that is not a ProseMirror node gives no text. */
export function padText(doc: unknown): string {
	const out: string[] = [];
	if (typeof doc === 'object' && doc !== null) collect(doc as Node, out);
	return out.join('');
}

export const countWords = (text: string) => text.match(word)?.length ?? 0;
