// Renders an edition's public archive as a set of files (path -> content), sorted by path: the static site's whole content.
import type { EditionSnapshot } from '../../domain/archive/archive.service';
import { toMarkdown } from '../document-export';
import type { Labels } from '../labels';
import { buildOpenData, csvTables, openDataCsv } from '../open-data';
import { paths, renderPage } from './layout';
import { deliverablePage, exportDocumentOf, figuresPage, indexPage, themePages, trackPages, workshopPage } from './pages';
import { siteCss } from './site-css';
import type { ProceedingsOpenData } from '../../domain/proceedings/proceedings.service';
import type { ProceedingsView } from '../../shared/proceedings-views';
import { toPrintBooklet } from '../proceedings-print';
import { pagedPolyfill } from '../paged-polyfill';

/** The latest proceedings version, when there is one: its booklet goes in the site, its data in the open data. */
export type SiteProceedings = { view: ProceedingsView; url: string; openData: ProceedingsOpenData };

/**
 * `bundled` are the drive files (by id) the caller copies into the site under `files/<id>`; deliverables link to them
 * relatively, and to anything else on the live site.
 */
export function renderStaticSite(
	snapshot: EditionSnapshot,
	labels: Labels,
	origin: string,
	bundled: ReadonlySet<string> = new Set(),
	proceedings: SiteProceedings | null = null
): Map<string, string> {
	const ctx = { snapshot, labels, origin, bundled };
	const title = snapshot.edition.title;
	const pages = [
		indexPage(ctx),
		figuresPage(ctx),
		...snapshot.workshops.map((w) => workshopPage(w, ctx)),
		...themePages(ctx),
		...trackPages(ctx),
		...snapshot.versions.flatMap(([latest, ...older]) => [
			deliverablePage(latest!, paths.deliverable(latest!.id), ctx),
			...[latest!, ...older].map((v) => deliverablePage(v, paths.version(v.id, v.version), ctx))
		])
	];
	const files = new Map<string, string>([[paths.css, siteCss]]);
	for (const page of pages) files.set(page.path, renderPage(page, title, labels));
	for (const d of snapshot.versions.flat()) files.set(paths.markdown(d.id, d.version), toMarkdown(exportDocumentOf(d, ctx), labels));
	const data = buildOpenData(snapshot, origin, proceedings?.openData);
	// The booklet's links point to the live archive, where every quoted version keeps its stable address.
	// paged.js comes along, so the copy paginates (TOC page numbers) offline like the live booklet.
	if (proceedings) {
		files.set('proceedings.html', toPrintBooklet(proceedings.view, labels, origin, proceedings.url, 'paged.polyfill.js'));
		files.set('paged.polyfill.js', pagedPolyfill());
	}
	files.set(paths.data('open-data.json'), `${JSON.stringify(data, null, 2)}\n`);
	for (const table of csvTables) files.set(paths.data(`${table}.csv`), openDataCsv(data, table));
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
