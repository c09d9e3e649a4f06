// The external links an edition's proceedings would publish: « En savoir + » records and the http(s) links written in the texts.
export type EditionLink = { url: string; title: string };

const ANCHOR = /<a\s[^>]*?href="(https?:\/\/[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi;
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Absolute http(s) links of rendered HTML with their text; root-relative links stay inside MédiaLab and are not checked. */
export function linksInHtml(html: string): EditionLink[] {
	return [...html.matchAll(ANCHOR)].map((m) => ({ url: unescape(m[1]!), title: unescape(m[2]!.replace(/<[^>]+>/g, '')).trim() }));
}

/** Records first (their titles are the editors'), then links found in the Markdown texts; each URL once. */
export function editionLinks(records: EditionLink[], markdownTexts: string[], render: (markdown: string) => string): EditionLink[] {
	const byUrl = new Map<string, EditionLink>();
	for (const link of [...records, ...markdownTexts.filter((t) => t.trim()).flatMap((t) => linksInHtml(render(t)))]) if (!byUrl.has(link.url)) byUrl.set(link.url, link);
	return [...byUrl.values()];
}
