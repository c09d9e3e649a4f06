// Template prompts that older pads hold as italic text: history, exports and search leave them out.
import type { PmNode } from './pad-html';
import { padTemplates } from './templates';

/*
 * Pads started from a template before prompts became paragraph attributes begin each section with the prompt as
 * italic text. Their Yjs documents are not rewritten (an edit nobody made would appear in their history); instead
 * every reader of a pad's content drops a paragraph that sits right under a heading and is exactly a built-in
 * template's prompt in italic. Text someone wrote after it, or prompts of kit templates, stay as they are.
 */
const legacyPrompts = new Set(padTemplates.flatMap((t) => t.sections.map((s) => s.prompt)));

function isLegacyPrompt(node: PmNode): boolean {
	const parts = node.content ?? [];
	if (node.type !== 'paragraph' || parts.length === 0) return false;
	if (!parts.every((p) => p.type === 'text' && p.marks?.some((m) => m.type === 'italic'))) return false;
	return legacyPrompts.has(parts.map((p) => p.text ?? '').join(''));
}

/** The document without the italic prompts older templates left under their headings. */
export function withoutTemplatePrompts<T extends PmNode>(doc: T): T {
	const content = doc.content ?? [];
	const kept = content.filter((node, i) => !(i > 0 && content[i - 1]!.type === 'heading' && isLegacyPrompt(node)));
	return kept.length === content.length ? doc : { ...doc, content: kept };
}
