// A published deliverable's Markdown cut into citable sections, each with the anchor its archive page gives the heading.
import { resolveSectionAnchor, sectionAnchor } from '../../shared/section-anchors';
import type { SourceSection } from '../../shared/proceedings-views';

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;

/** The text before the first heading is a section with an empty anchor (the top of the page). */
export function sourceSections(markdown: string, title: string): SourceSection[] {
	const sections: SourceSection[] = [{ anchor: '', heading: title, text: '' }];
	let headings = 0;
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : HEADING.exec(line);
		if (heading) {
			headings += 1;
			sections.push({ anchor: sectionAnchor(headings, heading[1]!), heading: heading[1]!, text: '' });
			continue;
		}
		const last = sections[sections.length - 1]!;
		last.text = `${last.text}\n${line}`;
	}
	return sections.map((s) => ({ ...s, text: s.text.trim() })).filter((s, i) => i > 0 || s.text !== '');
}

/** Where a citation's anchor lands in another version: same heading first, else same position, else the top. */
export function moveAnchor(anchor: string, sections: SourceSection[]): string {
	if (anchor === '') return '';
	const headed = sections.filter((s) => s.anchor !== '');
	const index = resolveSectionAnchor(
		anchor,
		headed.map((s) => s.heading)
	);
	return index === null ? '' : headed[index]!.anchor;
}

/** Markdown decorations do not count when checking that a quote is still in the text. */
const plain = (s: string) => s.replace(/[*_`>#]/g, '').replace(/\s+/g, ' ').trim();
export const containsQuote = (markdown: string, quote: string) => plain(markdown).includes(plain(quote));
