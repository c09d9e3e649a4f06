// The static site's pages, one pure function each: the same content as the live archive, as HTML strings.
import type { ArchiveDeliverable, ArchiveDeliverableSummary, ArchiveWorkshop, KeyFigures } from '../../domain/archive/archive-types';
import type { EditionSnapshot } from '../../domain/archive/archive.service';
import { licenceInfo } from '../../domain/deliverables/licence';
import { citation, creditGroups, deliverableDocument, type ExportDocument } from '../document-export';
import { absolutiseLinks, escapeHtml as esc, type Labels } from '../labels';
import { paths, rel, type SitePage } from './layout';

type Ctx = { snapshot: EditionSnapshot; labels: Labels; origin: string; bundled?: ReadonlySet<string> };

const a = (from: string, to: string, text: string) => `<a href="${rel(from, to)}">${esc(text)}</a>`;

function deliverableLinks(from: string, list: ArchiveDeliverableSummary[], { labels }: Ctx): string {
	if (list.length === 0) return '';
	return `<ul>${list
		.map((d) => `<li>${a(from, paths.deliverable(d.id), d.title)}${d.status === 'withdrawn' ? ` <span class="badge">${esc(labels.t('archive.withdrawn'))}</span>` : ''}</li>`)
		.join('')}</ul>`;
}

function workshopItem(from: string, w: ArchiveWorkshop, ctx: Ctx): string {
	const { t, time } = ctx.labels;
	const themes = w.themes.map((th) => a(from, paths.theme(th.id), th.label)).join(', ');
	return `<li><h3>${a(from, paths.workshop(w.id), w.title)}</h3>
<p class="meta"><time datetime="${esc(w.startsAt)}">${esc(time(w.startsAt))}</time>–<time datetime="${esc(w.endsAt)}">${esc(time(w.endsAt))}</time> · ${esc(t(`format.${w.format}`))}${w.room ? ` · ${esc(w.room)}` : ''}${themes ? ` · ${themes}` : ''}</p>
${deliverableLinks(from, w.deliverables, ctx)}</li>`;
}

export function indexPage(ctx: Ctx): SitePage {
	const { snapshot: s, labels } = ctx;
	const { t } = labels;
	const path = paths.index;
	const e = s.edition;
	const days = s.days
		.map((day) => `<section><h2>${esc(labels.day(day))}</h2><ul class="workshops">${s.workshops.filter((w) => w.day === day).map((w) => workshopItem(path, w, ctx)).join('')}</ul></section>`)
		.join('');
	const body = `<h1>${esc(e.title)}</h1>
<p class="meta"><time datetime="${esc(e.startsOn)}">${esc(labels.date(e.startsOn))}</time>${e.endsOn !== e.startsOn ? ` – <time datetime="${esc(e.endsOn)}">${esc(labels.date(e.endsOn))}</time>` : ''}${e.city ? ` · ${esc(e.city)}` : ''}</p>
${e.description ? `<p>${esc(e.description)}</p>` : ''}
${s.themes.length > 0 ? `<h2>${esc(t('archive.themes'))}</h2><ul class="tags">${s.themes.map((th) => `<li>${a(path, paths.theme(th.id), th.label)}</li>`).join('')}</ul>` : ''}
${s.tracks.length > 0 ? `<h2>${esc(t('archive.tracks'))}</h2><ul>${s.tracks.map((tr) => `<li>${a(path, paths.track(tr.id), tr.title)}</li>`).join('')}</ul>` : ''}
<h2>${esc(t('archive.openData'))}</h2>
<ul class="downloads"><li>${a(path, paths.data('open-data.json'), 'JSON')}</li>${['workshops', 'themes', 'tracks', 'deliverables', 'credits', 'figures'].map((f) => `<li>${a(path, paths.data(`${f}.csv`), `${f}.csv`)}</li>`).join('')}</ul>
${days}`;
	return { path, title: t('archive.programme'), body };
}

export function workshopPage(w: ArchiveWorkshop, ctx: Ctx): SitePage {
	const { t, day, time } = ctx.labels;
	const path = paths.workshop(w.id);
	const body = `<nav aria-label="${esc(t('archive.breadcrumb'))}"><p>${a(path, paths.index, t('archive.programme'))}</p></nav>
<article>
<header><h1>${esc(w.title)}</h1>
<p class="meta">${esc(t(`format.${w.format}`))} · <time datetime="${esc(w.startsAt)}">${esc(day(w.day))}, ${esc(time(w.startsAt))}–${esc(time(w.endsAt))}</time>${w.room ? ` · ${esc(w.room)}` : ''}</p>
${w.track ? `<p>${esc(t('archive.track'))} : ${a(path, paths.track(w.track.id), w.track.title)}</p>` : ''}
${w.themes.length > 0 ? `<ul class="tags">${w.themes.map((th) => `<li>${a(path, paths.theme(th.id), th.label)}</li>`).join('')}</ul>` : ''}
</header>
<h2>${esc(t('archive.deliverables'))}</h2>
${w.deliverables.length > 0 ? deliverableLinks(path, w.deliverables, ctx) : `<p>${esc(t('archive.noDeliverables'))}</p>`}
${w.description ? `<h2>${esc(t('archive.about'))}</h2><p>${esc(w.description)}</p>` : ''}
${w.speakers ? `<p>${esc(t('archive.speakers'))} : ${esc(w.speakers)}</p>` : ''}
${w.facilitators.length > 0 ? `<p>${esc(t('archive.facilitation'))} : ${w.facilitators.map(esc).join(', ')}</p>` : ''}
</article>`;
	return { path, title: w.title, body };
}

/** The drive files a deliverable shows (`/files/<id>`): the static site copies them so it works offline. */
export const fileLinksOf = (html: string) => [...html.matchAll(/\s(?:href|src)="\/files\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!);

const bundleFileLinks = (html: string, page: string, bundled: ReadonlySet<string>) =>
	html.replace(/(\s(?:href|src)=")\/files\/([A-Za-z0-9_-]+)"/g, (whole, attr: string, id: string) => (bundled.has(id) ? `${attr}${rel(page, paths.file(id))}"` : whole));

export const exportDocumentOf = (d: ArchiveDeliverable, ctx: Ctx): ExportDocument =>
	deliverableDocument(d, ctx.snapshot.edition.title, `${ctx.origin}/archive/${d.editionId}/deliverables/${d.id}/v/${d.version}`);

/** A version's page; the latest version is also published at the deliverable's own path. */
export function deliverablePage(d: ArchiveDeliverable, path: string, ctx: Ctx): SitePage {
	const { t, date } = ctx.labels;
	const doc = exportDocumentOf(d, ctx);
	const licence = licenceInfo(d.licence);
	const groups = creditGroups(d.credits, ctx.labels);
	const body = `<nav aria-label="${esc(t('archive.breadcrumb'))}"><p>${a(path, paths.index, t('archive.programme'))} › ${a(path, paths.workshop(d.workshopId), d.workshopTitle)}</p></nav>
<article>
<header>
<h1>${esc(d.title)}</h1>
<p class="meta">${esc(t('archive.versionOf', { version: d.version }))} · <time datetime="${esc(d.publishedAt)}">${esc(date(d.publishedAt))}</time></p>
${doc.withdrawn ? `<p class="withdrawn">${esc(t('archive.withdrawnNotice'))}</p>` : ''}
${d.summary ? `<p><strong>${esc(d.summary)}</strong></p>` : ''}
<p><a class="badge" rel="license" href="${esc(licence.url)}">${esc(licence.name)}</a></p>
</header>
<div class="content">${absolutiseLinks(bundleFileLinks(d.html, path, ctx.bundled ?? new Set()), ctx.origin)}</div>
<footer>
<h2>${esc(t('archive.credits'))}</h2>
${groups.length > 0 ? `<dl>${groups.map((g) => `<dt>${esc(g.label)}</dt><dd>${g.names.map(esc).join(', ')}</dd>`).join('')}</dl>` : `<p>${esc(t('archive.noCredits'))}</p>`}
<h2>${esc(t('archive.citeThis'))}</h2>
<p class="cite"><cite>${esc(citation(doc, ctx.labels))}</cite></p>
<h2>${esc(t('archive.downloads'))}</h2>
<ul class="downloads"><li>${a(path, paths.markdown(d.id, d.version), t('archive.downloadMarkdown'))}</li></ul>
<h2>${esc(t('archive.versions'))}</h2>
<ol reversed>${d.versions
		.map(
			(v) =>
				`<li>${a(path, paths.version(d.id, v.version), t('archive.versionOf', { version: v.version }))} · <time datetime="${esc(v.publishedAt)}">${esc(date(v.publishedAt))}</time>${v.withdrawnAt ? ` · ${esc(t('archive.withdrawn'))}` : ''}</li>`
		)
		.join('')}</ol>
</footer>
</article>`;
	return { path, title: d.title, body };
}

function listPage(path: string, title: string, intro: string, workshops: ArchiveWorkshop[], deliverables: ArchiveDeliverableSummary[], ctx: Ctx): SitePage {
	const { t } = ctx.labels;
	const body = `<nav aria-label="${esc(t('archive.breadcrumb'))}"><p>${a(path, paths.index, t('archive.programme'))}</p></nav>
<h1>${esc(title)}</h1>
${intro ? `<p>${esc(intro)}</p>` : ''}
<h2>${esc(t('archive.deliverables'))}</h2>
${deliverables.length > 0 ? deliverableLinks(path, deliverables, ctx) : `<p>${esc(t('archive.noDeliverables'))}</p>`}
<h2>${esc(t('archive.workshops'))}</h2>
<ul class="workshops">${workshops.map((w) => workshopItem(path, w, ctx)).join('')}</ul>`;
	return { path, title, body };
}

export function themePages(ctx: Ctx): SitePage[] {
	const s = ctx.snapshot;
	return s.themes.map((theme) => {
		const workshops = s.workshops.filter((w) => w.themes.some((t) => t.id === theme.id));
		const ids = new Set(workshops.map((w) => w.id));
		const deliverables = s.deliverables.filter((d) => (d.themes.length > 0 ? d.themes.some((t) => t.id === theme.id) : ids.has(d.workshopId)));
		return listPage(paths.theme(theme.id), theme.label, theme.aliases.length > 0 ? `${ctx.labels.t('archive.aliases')} : ${theme.aliases.join(', ')}` : '', workshops, deliverables, ctx);
	});
}

export function trackPages(ctx: Ctx): SitePage[] {
	const s = ctx.snapshot;
	const byId = new Map(s.workshops.map((w) => [w.id, w]));
	return s.tracks.map((track) => {
		const workshops = track.workshopIds.map((id) => byId.get(id)).filter((w): w is ArchiveWorkshop => w !== undefined);
		const intro = [track.lead ? ctx.labels.t('archive.trackLead', { lead: track.lead }) : '', track.description].filter(Boolean).join(' ');
		return listPage(paths.track(track.id), track.title, intro, workshops, s.deliverables.filter((d) => track.workshopIds.includes(d.workshopId)), ctx);
	});
}

export function figuresTable(f: KeyFigures, labels: Labels): { label: string; value: number }[] {
	const { t } = labels;
	return [
		{ label: t('archive.figure.workshops'), value: f.workshops },
		{ label: t('archive.figure.pads'), value: f.pads },
		{ label: t('archive.figure.deliverables'), value: f.deliverables },
		{ label: t('archive.figure.contributors'), value: f.contributors },
		{ label: t('archive.figure.words'), value: f.words },
		{ label: t('archive.figure.files'), value: f.files }
	];
}

export function figuresPage(ctx: Ctx): SitePage {
	const { t } = ctx.labels;
	const f = ctx.snapshot.figures;
	const path = paths.figures;
	const number = (n: number) => n.toLocaleString(ctx.labels.locale === 'fr' ? 'fr-FR' : 'en-GB');
	const body = `<h1>${esc(t('archive.figures'))}</h1>
<dl>${figuresTable(f, ctx.labels).map((r) => `<dt>${esc(r.label)}</dt><dd>${number(r.value)}</dd>`).join('')}</dl>
<h2>${esc(t('archive.byFormat'))}</h2>
<table><thead><tr><th scope="col">${esc(t('archive.format'))}</th><th scope="col">${esc(t('archive.figure.workshops'))}</th></tr></thead>
<tbody>${f.byFormat.map((b) => `<tr><th scope="row">${esc(t(`format.${b.format}`))}</th><td>${number(b.workshops)}</td></tr>`).join('')}</tbody></table>
<h2>${esc(t('archive.byTheme'))}</h2>
<table><thead><tr><th scope="col">${esc(t('archive.theme'))}</th>${(['workshops', 'pads', 'deliverables', 'words', 'files'] as const).map((k) => `<th scope="col">${esc(t(`archive.figure.${k}`))}</th>`).join('')}</tr></thead>
<tbody>${f.byTheme
		.map(
			(th) =>
				`<tr><th scope="row">${a(path, paths.theme(th.id), th.label)}</th>${(['workshops', 'pads', 'deliverables', 'words', 'files'] as const).map((k) => `<td>${number(th[k])}</td>`).join('')}</tr>`
		)
		.join('')}</tbody></table>`;
	return { path, title: t('archive.figures'), body };
}
