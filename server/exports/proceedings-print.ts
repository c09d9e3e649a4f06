// A proceedings version as a print-ready booklet: one HTML file with a paged stylesheet (running heads, page numbers, TOC).
import type { ProceedingsView } from '../shared/proceedings-views';
import { documentCss } from './document-export';
import { absolutiseLinks, escapeHtml as esc, type Labels } from './labels';
import { proceedingsChapters, proceedingsCitation } from './proceedings-document';

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * `@page` margin boxes carry the running head and the page number (Chromium prints them to PDF). `string-set` and
 * `target-counter` (chapter in the head, page numbers in the TOC) need paged.js, which the served booklet loads;
 * without it (no script, or the static site's copy) the head shows the booklet's title and the TOC its links.
 */
export function pagedCss(runningTitle: string): string {
	return `${documentCss}
@page{size:A5;margin:2cm 1.6cm 2.2cm;@top-left{content:${cssString(runningTitle)};font:8pt system-ui,sans-serif;color:#555}@top-right{content:string(chapter);font:8pt system-ui,sans-serif;color:#555}@bottom-center{content:counter(page);font:9pt system-ui,sans-serif}}
@page :first{@top-left{content:none}@top-right{content:none}@bottom-center{content:none}}
.cover{text-align:center;padding-top:20vh;break-after:page}
nav.toc ol{list-style:none;padding-left:0}nav.toc ol ol{padding-left:1.2em}
nav.toc a{text-decoration:none;display:flex;gap:1em}nav.toc a::after{content:target-counter(attr(href),page);margin-left:auto}
.chapter{break-before:page}.chapter>h2{string-set:chapter content(text)}
blockquote.citation footer{font:0.85em system-ui,sans-serif;margin-top:.3em}
dl.figures,dl.colophon{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0}`;
}

/**
 * paged.js lays the pages out in the browser (and fills the TOC's page numbers); `data-paged="done"` on <html> says it
 * finished, for whoever prints or tests. Run as a plain script, so no CSP is involved: the booklet route sets none.
 */
const pagedScripts = (src: string) =>
	`<script>window.PagedConfig={auto:true,after:function(){document.documentElement.setAttribute('data-paged','done')}};</script>\n<script src="${esc(src)}" defer></script>`;

/** `pagedScript`: the address of paged.js' polyfill; left out, the booklet stays script-free (the static site's copy). */
export function toPrintBooklet(view: ProceedingsView, labels: Labels, origin: string, url: string, pagedScript?: string): string {
	const title = labels.t('proceedings.titleOf', { edition: view.editionTitle });
	const chapters = proceedingsChapters(view, labels);
	const toc = chapters
		.map((c) => `<li><a href="#${esc(c.anchor)}">${esc(c.title)}</a>${c.sub.length ? `<ol>${c.sub.map((s) => `<li><a href="#${esc(s.anchor)}">${esc(s.title)}</a></li>`).join('')}</ol>` : ''}</li>`)
		.join('');
	return `<!doctype html>
<html lang="${labels.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="license" href="${esc(view.licenceInfo.url)}">
<link rel="canonical" href="${esc(url)}">
<style>${pagedCss(title)}</style>
${pagedScript ? pagedScripts(pagedScript) : ''}
</head>
<body>
<header class="cover">
<h1>${esc(title)}</h1>
<p class="meta">${esc(labels.t('proceedings.version', { version: view.version, date: labels.date(view.publishedAt) }))}</p>
</header>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(labels.t('proceedings.toc'))}</h2><ol>${toc}</ol></nav>
<main>
${chapters.map((c) => `<section class="chapter" id="${esc(c.anchor)}"><h2>${esc(c.title)}</h2>\n<div class="content">${absolutiseLinks(c.html, origin)}</div></section>`).join('\n')}
</main>
<footer class="cite"><h2>${esc(labels.t('proceedings.citeThis'))}</h2><p><cite>${esc(proceedingsCitation(view, labels, url))}</cite></p></footer>
</body>
</html>
`;
}
