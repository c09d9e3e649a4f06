// Arriving on a pad from a search hit (`…/pads/<id>#h3-produire-des-communs`): find that section's heading in the
// live document (by slug first, since the pad may have changed since it was indexed) and scroll it into view.
import type { Editor } from '@tiptap/core';
import { resolveSectionAnchor } from '$server/shared/section-anchors';

export type SectionTarget = { top: number; height: number; title: string };

const SECTION_ANCHOR = /^h\d+(?:-[a-z0-9-]*)?$/;

export const isSectionAnchor = (hash: string) => SECTION_ANCHOR.test(hash.replace(/^#/, ''));

/** Scrolls the window to the section's heading; returns where it sits inside `surface`, or null if it is not there. */
export function jumpToSection(editor: Editor, surface: HTMLElement, hash: string): SectionTarget | null {
	const anchor = decodeURIComponent(hash.replace(/^#/, ''));
	if (!SECTION_ANCHOR.test(anchor)) return null;
	// The document, not the DOM: collaboration carets add their labels' text inside the headings' elements.
	const headings: { pos: number; text: string }[] = [];
	editor.state.doc.forEach((node, offset) => {
		if (node.type.name === 'heading') headings.push({ pos: offset, text: node.textContent.trim() });
	});
	const index = resolveSectionAnchor(anchor, headings.map((h) => h.text));
	if (index === null) return null;
	const dom = editor.view.nodeDOM(headings[index]!.pos);
	if (!(dom instanceof HTMLElement)) return null;
	const box = dom.getBoundingClientRect();
	const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	window.scrollTo({ top: window.scrollY + box.top - 16, behavior: reduceMotion ? 'instant' : 'smooth' });
	const origin = surface.getBoundingClientRect();
	return { top: box.top - origin.top, height: box.height, title: headings[index]!.text };
}
