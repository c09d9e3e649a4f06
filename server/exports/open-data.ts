// An edition's open data: one JSON document and one CSV per table, following the schema in docs/open-data.md.
import { licenceInfo } from '../domain/deliverables/licence';
import type { EditionSnapshot } from '../domain/archive/archive.service';
import { workshopHead } from '../domain/programme/programme-view';
import type { ProceedingsOpenData } from '../domain/proceedings/proceedings.service';

export const OPEN_DATA_VERSION = 1;
export const csvTables = ['workshops', 'themes', 'tracks', 'deliverables', 'credits', 'figures'] as const;
export type CsvTable = (typeof csvTables)[number];

type Cell = string | number | boolean | null;

/** The archive's public URLs, so every row links back to its page. */
const urls = (origin: string, editionId: string) => {
	const base = `${origin}/archive/${editionId}`;
	return {
		edition: base,
		workshop: (id: string) => `${base}/workshops/${id}`,
		deliverable: (id: string, version: number) => `${base}/deliverables/${id}/v/${version}`,
		proceedings: (version: number) => `${base}/proceedings/v/${version}`
	};
};

const noProceedings: ProceedingsOpenData = { proceedings: [], syntheses: [], citations: [], resourceLinks: [] };

export function buildOpenData(snapshot: EditionSnapshot, origin: string, published: ProceedingsOpenData = noProceedings) {
	const e = snapshot.edition;
	const url = urls(origin, e.id);
	const latest = snapshot.versions.map((all) => all[0]!);
	return {
		schema: 'medialab-open-data',
		version: OPEN_DATA_VERSION,
		edition: { ...e, url: url.edition, licence: licenceInfo(e.licence) },
		themes: snapshot.themes.map((t) => ({ id: t.id, label: t.label, aliases: t.aliases })),
		tracks: snapshot.tracks.map((t) => ({ id: t.id, title: t.title, lead: t.lead, description: t.description, workshopIds: t.workshopIds })),
		workshops: snapshot.workshops.map((w) => ({
			...workshopHead(w),
			room: w.room,
			trackId: w.track?.id ?? null,
			themeIds: w.themes.map((t) => t.id),
			deliverableIds: w.deliverables.map((d) => d.id),
			url: url.workshop(w.id)
		})),
		deliverables: latest.map((d) => ({
			id: d.id,
			workshopId: d.workshopId,
			title: d.title,
			summary: d.summary,
			themeIds: d.themes.map((t) => t.id),
			licence: d.licence,
			licenceUrl: licenceInfo(d.licence).url,
			status: d.status,
			version: d.version,
			publishedAt: d.publishedAt,
			versions: d.versions,
			url: url.deliverable(d.id, d.version)
		})),
		// Names as each person chose to be credited today (name, pseudonym or « contributeur anonyme »); never an account id.
		credits: latest.flatMap((d) => d.credits.map((c) => ({ deliverableId: d.id, version: d.version, role: c.role, name: c.display }))),
		figures: snapshot.figures,
		// Proceedings: only what a published version froze (docs/proceedings.md).
		proceedings: published.proceedings.map((p) => ({ ...p, url: url.proceedings(p.version) })),
		syntheses: published.syntheses,
		citations: published.citations.map((c) => ({ ...c, url: `${url.deliverable(c.deliverableId, c.version)}${c.anchor ? `#${c.anchor}` : ''}` })),
		resourceLinks: published.resourceLinks
	};
}
export type OpenData = ReturnType<typeof buildOpenData>;

/**
 * Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading `'`, as OWASP advises; numbers stay numbers.
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Lets spreadsheet software read the file as UTF-8 (accents in French titles) instead of its local code page. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export function toCsv(columns: string[], rows: Cell[][]): string {
	const cell = (v: Cell) => {
		const s = v === null ? '' : typeof v === 'string' ? neutraliseFormula(v) : String(v);
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const list = (values: string[]) => values.join('|');

/** One table as a CSV file: UTF-8 with a byte order mark, formulas neutralised (see docs/open-data.md). */
export function openDataCsv(data: OpenData, table: CsvTable): string {
	return UTF8_BOM + tableCsv(data, table);
}

function tableCsv(data: OpenData, table: CsvTable): string {
	switch (table) {
		case 'workshops':
			return toCsv(
				['id', 'title', 'format', 'starts_at', 'ends_at', 'room', 'track_id', 'theme_ids', 'speakers', 'deliverable_ids', 'url'],
				data.workshops.map((w) => [w.id, w.title, w.format, w.startsAt, w.endsAt, w.room, w.trackId, list(w.themeIds), w.speakers, list(w.deliverableIds), w.url])
			);
		case 'themes':
			return toCsv(['id', 'label', 'aliases'], data.themes.map((t) => [t.id, t.label, list(t.aliases)]));
		case 'tracks':
			return toCsv(['id', 'title', 'lead', 'workshop_ids'], data.tracks.map((t) => [t.id, t.title, t.lead, list(t.workshopIds)]));
		case 'deliverables':
			return toCsv(
				['id', 'workshop_id', 'title', 'summary', 'theme_ids', 'licence', 'status', 'version', 'published_at', 'url'],
				data.deliverables.map((d) => [d.id, d.workshopId, d.title, d.summary, list(d.themeIds), d.licence, d.status, d.version, d.publishedAt, d.url])
			);
		case 'credits':
			return toCsv(['deliverable_id', 'version', 'role', 'name'], data.credits.map((c) => [c.deliverableId, c.version, c.role, c.name]));
		case 'figures': {
			const f = data.figures;
			const rows: Cell[][] = [
				['edition', '', 'workshops', f.workshops],
				['edition', '', 'pads', f.pads],
				['edition', '', 'deliverables', f.deliverables],
				['edition', '', 'contributors', f.contributors],
				['edition', '', 'words', f.words],
				['edition', '', 'files', f.files],
				...f.byFormat.map((b): Cell[] => ['format', b.format, 'workshops', b.workshops]),
				...f.byTheme.flatMap((t) => (['workshops', 'pads', 'deliverables', 'words', 'files'] as const).map((k): Cell[] => ['theme', t.id, k, t[k]]))
			];
			return toCsv(['scope', 'key', 'measure', 'value'], rows);
		}
	}
}
