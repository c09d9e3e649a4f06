// A proceedings version as one ordered list of chapters (HTML), shared by the archive page, the print booklet, EPUB and ODT.
import type { ProceedingsView, ResourceLinkView } from '../shared/proceedings-views';
import { escapeHtml as esc, type Labels } from './labels';

export type Chapter = { anchor: string; title: string; html: string; sub: { anchor: string; title: string }[] };

const figureKeys = ['workshops', 'pads', 'deliverables', 'words', 'files', 'contributors'] as const;

function linkList(links: ResourceLinkView[], labels: Labels): string {
	return `<ul class="resources">${links
		.map(
			(l) =>
				`<li><a href="${esc(l.url)}">${esc(l.title)}</a> <span class="kind">(${esc(labels.t(`proceedings.kind.${l.kind}`))}${l.licence ? `, ${esc(l.licence)}` : ''})</span></li>`
		)
		.join('')}</ul>`;
}

/** « Actes de NEC 2018, v2. 13 décembre 2026. Creative Commons BY 4.0. URL »: the « citer » block. */
export function proceedingsCitation(view: ProceedingsView, labels: Labels, url: string): string {
	const title = labels.t('proceedings.titleOf', { edition: view.editionTitle });
	const quoted = labels.locale === 'fr' ? `« ${title} »` : `“${title}”`;
	return `${quoted}, ${labels.t('archive.versionShort', { version: view.version })}. ${labels.date(view.publishedAt)}. ${view.licenceInfo.name}. ${url}`;
}

/** The chapters in reading order; empty ones are left out. Links inside stay root-relative (`absolutiseLinks` for copies). */
export function proceedingsChapters(view: ProceedingsView, labels: Labels): Chapter[] {
	const chapters: Chapter[] = [];
	if (view.introductionHtml) chapters.push({ anchor: 'introduction', title: labels.t('proceedings.introduction'), html: view.introductionHtml, sub: [] });
	if (view.syntheses.length > 0) {
		chapters.push({
			anchor: 'syntheses',
			title: labels.t('proceedings.syntheses'),
			html: view.syntheses
				.map(
					(s) =>
						`<section id="${esc(s.anchor)}" class="synthesis"><h3>${esc(s.title)}</h3><p class="theme">${esc(labels.t('archive.theme'))} : ${esc(s.themeLabel)}</p>${s.html}${
							s.links.length > 0 ? `<h4>${esc(labels.t('proceedings.resources'))}</h4>${linkList(s.links, labels)}` : ''
						}</section>`
				)
				.join('\n'),
			sub: view.syntheses.map((s) => ({ anchor: s.anchor, title: s.title }))
		});
	}
	if (view.tracks.length > 0) {
		chapters.push({
			anchor: 'deliverables',
			title: labels.t('proceedings.deliverables'),
			html: view.tracks
				.map(
					(t) =>
						`<h3>${esc(t.title || labels.t('proceedings.otherDeliverables'))}</h3><ul class="deliverables">${t.deliverables
							.map(
								(d) =>
									`<li><a href="${esc(d.href)}"><cite>${esc(d.title)}</cite></a>, ${esc(labels.t('archive.versionShort', { version: d.version }))} — ${esc(d.workshopTitle)}${
										d.authors ? `, ${esc(labels.t('proceedings.by', { names: d.authors }))}` : ''
									}${d.summary ? `<br><span class="summary">${esc(d.summary)}</span>` : ''}</li>`
							)
							.join('')}</ul>`
				)
				.join('\n'),
			sub: []
		});
	}
	chapters.push({
		anchor: 'figures',
		title: labels.t('proceedings.figures'),
		html: `<dl class="figures">${figureKeys.map((k) => `<dt>${esc(labels.t(`proceedings.figure.${k}`))}</dt><dd>${view.figures[k]}</dd>`).join('')}</dl>`,
		sub: []
	});
	if (view.links.length > 0) chapters.push({ anchor: 'resources', title: labels.t('proceedings.resources'), html: linkList(view.links, labels), sub: [] });
	chapters.push({
		anchor: 'colophon',
		title: labels.t('proceedings.colophon'),
		html: `<dl class="colophon">${view.colophon.map((g) => `<dt>${esc(labels.t(`proceedings.role.${g.role}`))}</dt><dd>${g.names.map(esc).join(', ')}</dd>`).join('')}</dl><p class="licence">${esc(
			labels.t('archive.licensedUnder')
		)} <a rel="license" href="${esc(view.licenceInfo.url)}">${esc(view.licenceInfo.name)}</a>.</p>`,
		sub: []
	});
	return chapters;
}
