// A pad or a deliverable as one file: Markdown with a metadata header, or standalone HTML (licence and credits embedded, print-ready).
import { licenceInfo } from '../domain/deliverables/licence';
import type { PublishedDeliverable } from '../domain/deliverables/published';
import { absolutiseLinks, escapeHtml as esc, type Labels } from './labels';

export type ExportCredit = { display: string; role: string };
export type ExportDocument = {
	title: string;
	summary: string;
	editionTitle: string;
	workshopTitle: string;
	/** Deliverables have a version; pads are exported as they are now. */
	version: number | null;
	date: string;
	licence: string;
	credits: ExportCredit[];
	html: string;
	markdown: string;
	/** The stable address this copy comes from (a deliverable's versioned URL). */
	url: string;
	withdrawn: boolean;
};

/** A published version as an export; `url` is its stable, versioned address. */
export function deliverableDocument(d: PublishedDeliverable, editionTitle: string, url: string): ExportDocument {
	return {
		title: d.title,
		summary: d.summary,
		editionTitle,
		workshopTitle: d.workshopTitle,
		version: d.version,
		date: d.publishedAt,
		licence: d.licence,
		credits: d.credits,
		html: d.html,
		markdown: d.markdown,
		url,
		withdrawn: d.status === 'withdrawn' || d.withdrawnAt !== null
	};
}

/** 'Grille d’identification' -> 'grille-d-identification', for download file names. */
export const slugify = (title: string) =>
	title
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60) || 'document';

const roles = ['author', 'facilitator', 'helper'];
const roleKey = (role: string) => `archive.role.${roles.includes(role) ? role : 'author'}`;

/** Credits grouped by role, in a fixed order: « Rédaction : A, B ». */
export function creditGroups(credits: ExportCredit[], labels: Labels): { label: string; names: string[] }[] {
	return roles
		.map((role) => ({ label: labels.t(roleKey(role)), names: credits.filter((c) => (roles.includes(c.role) ? c.role : 'author') === role).map((c) => c.display) }))
		.filter((g) => g.names.length > 0);
}

/** « Titre, v2, Atelier, Événement. Licence. URL »: what the « cite this » block shows. */
export function citation(doc: ExportDocument, labels: Labels): string {
	const names = doc.credits.filter((c) => c.role === 'author').map((c) => c.display);
	const version = doc.version !== null ? `, ${labels.t('archive.versionShort', { version: doc.version })}` : '';
	const who = names.length > 0 ? `${[...new Set(names)].join(', ')}. ` : '';
	const quoted = labels.locale === 'fr' ? `« ${doc.title} »` : `“${doc.title}”`;
	return `${who}${quoted}${version}. ${doc.workshopTitle}, ${doc.editionTitle}, ${labels.date(doc.date)}. ${licenceInfo(doc.licence).name}. ${doc.url}`;
}

/** A YAML double-quoted string; `<`, `>` and `&` as \u escapes, so a renderer that shows front matter as text shows no HTML. */
const yaml = (s: string) => JSON.stringify(s).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/**
 * Titles, summaries and names are plain text: `<`, `>` and `\\` are backslash-escaped (and entities kept literal) so a title
 * such as `<img src=x onerror=…>` stays text in any Markdown renderer instead of becoming HTML.
 */
export const noRawHtml = (s: string) => s.replace(/[\\<>]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');

export function toMarkdown(doc: ExportDocument, labels: Labels): string {
	const licence = licenceInfo(doc.licence);
	const header = [
		'---',
		`title: ${yaml(doc.title)}`,
		...(doc.version !== null ? [`version: ${doc.version}`] : []),
		`date: ${yaml(doc.date.slice(0, 10))}`,
		`event: ${yaml(doc.editionTitle)}`,
		`workshop: ${yaml(doc.workshopTitle)}`,
		`licence: ${yaml(licence.id)}`,
		`licence_url: ${yaml(licence.url)}`,
		'credits:',
		...doc.credits.map((c) => `  - { name: ${yaml(c.display)}, role: ${yaml(c.role)} }`),
		`source: ${yaml(doc.url)}`,
		...(doc.withdrawn ? ['withdrawn: true'] : []),
		'---',
		''
	];
	const credits = creditGroups(doc.credits, labels).map((g) => `- ${g.label} : ${noRawHtml(g.names.join(', '))}`);
	return [
		...header,
		`# ${noRawHtml(doc.title)}`,
		'',
		...(doc.summary ? [`> ${noRawHtml(doc.summary).replace(/\n/g, '\n> ')}`, ''] : []),
		doc.markdown.trim(),
		'',
		'---',
		'',
		`## ${labels.t('archive.credits')}`,
		'',
		...(credits.length > 0 ? credits : [labels.t('archive.noCredits')]),
		'',
		`## ${labels.t('archive.licence')}`,
		'',
		`${labels.t('archive.licensedUnder')} [${licence.name}](${licence.url}).`,
		'',
		`${labels.t('archive.citeThis')} : ${noRawHtml(citation(doc, labels))}`,
		''
	].join('\n');
}

/** Print-first styles: readable on screen, clean on paper (no colours to waste ink, links spelled out). */
export const documentCss = `
body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1a1a1a;background:#fff;max-width:42rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.25}
.meta,.credits,.licence,.cite{font-family:system-ui,sans-serif;font-size:0.9rem;line-height:1.5}
.meta{color:#4a4a4a}
.withdrawn{border:2px solid #8a1c1c;color:#8a1c1c;padding:.5rem 1rem;font-family:system-ui,sans-serif}
blockquote{border-left:3px solid #999;margin-left:0;padding-left:1rem;color:#333}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}
img{max-width:100%}
footer{border-top:1px solid #999;margin-top:2rem;padding-top:1rem}
a{color:#1d4f91}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}.content a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}h1,h2,h3{break-after:avoid}img,table,blockquote{break-inside:avoid}}
@page{margin:2cm}`;

export function toStandaloneHtml(doc: ExportDocument, labels: Labels, origin: string): string {
	const licence = licenceInfo(doc.licence);
	const groups = creditGroups(doc.credits, labels);
	const version = doc.version !== null ? ` · ${esc(labels.t('archive.versionShort', { version: doc.version }))}` : '';
	return `<!doctype html>
<html lang="${labels.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<link rel="license" href="${esc(licence.url)}">
<link rel="canonical" href="${esc(doc.url)}">
<meta name="dcterms.license" content="${esc(licence.id)}">
<style>${documentCss}</style>
</head>
<body>
<article>
<header>
<h1>${esc(doc.title)}</h1>
<p class="meta">${esc(doc.workshopTitle)} · ${esc(doc.editionTitle)}${version} · <time datetime="${esc(doc.date)}">${esc(labels.date(doc.date))}</time></p>
${doc.withdrawn ? `<p class="withdrawn">${esc(labels.t('archive.withdrawnNotice'))}</p>` : ''}
${doc.summary ? `<p><strong>${esc(doc.summary)}</strong></p>` : ''}
</header>
<div class="content">
${absolutiseLinks(doc.html, origin)}
</div>
<footer>
<section class="credits" aria-labelledby="credits-title">
<h2 id="credits-title">${esc(labels.t('archive.credits'))}</h2>
${groups.length > 0 ? `<dl>${groups.map((g) => `<dt>${esc(g.label)}</dt><dd>${g.names.map(esc).join(', ')}</dd>`).join('')}</dl>` : `<p>${esc(labels.t('archive.noCredits'))}</p>`}
</section>
<section class="licence" aria-labelledby="licence-title">
<h2 id="licence-title">${esc(labels.t('archive.licence'))}</h2>
<p>${esc(labels.t('archive.licensedUnder'))} <a rel="license" href="${esc(licence.url)}">${esc(licence.name)}</a> (<code>${esc(licence.id)}</code>).</p>
</section>
<section class="cite" aria-labelledby="cite-title">
<h2 id="cite-title">${esc(labels.t('archive.citeThis'))}</h2>
<p><cite>${esc(citation(doc, labels))}</cite></p>
</section>
</footer>
</article>
</body>
</html>
`;
}
