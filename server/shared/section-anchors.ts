// Section anchors of a pad: « h3-produire-des-communs » is its 3rd top-level heading; pure, so the pad page may use it too.

export const slugify = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);

/** `n` is 1-based among the pad's top-level headings, in document order. */
export const sectionAnchor = (n: number, heading: string) => `h${n}-${slugify(heading)}`.replace(/-$/, '');

/**
 * Which heading (0-based) an anchor points to, given the headings' texts now: the same slug first (the pad may have
 * changed since it was indexed), else the same position; null when nothing fits.
 */
export function resolveSectionAnchor(anchor: string, headings: string[]): number | null {
	const match = /^h(\d+)(?:-(.*))?$/.exec(anchor);
	if (!match) return null;
	const n = Number(match[1]);
	const slug = match[2] ?? '';
	if (slug) {
		const same = headings.map(slugify);
		if (same[n - 1] === slug) return n - 1;
		const moved = same.indexOf(slug);
		if (moved >= 0) return moved;
	}
	return n >= 1 && n <= headings.length ? n - 1 : null;
}

/** Gives each heading of a rendered pad or deliverable its section anchor as `id`, so `…/v/2#h3-…` lands on it. */
export function withSectionIds(html: string): string {
	let n = 0;
	return html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_m, level: string, inner: string) => {
		n += 1;
		const text = inner.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_e, x: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[x]!);
		return `<h${level} id="${sectionAnchor(n, text)}">${inner}</h${level}>`;
	});
}
