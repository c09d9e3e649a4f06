// « Chiffres clés »: an edition's figures computed from its data, overall and per theme (pure, so tests can feed it).
import type { WorkshopFormat } from '../../shared/vocabulary';
import type { ArchiveDeliverableSummary, FigureRow, KeyFigures } from './archive-types';

type Sources = {
	workshops: { id: string; format: WorkshopFormat; themes: { id: string }[] }[];
	themes: { id: string; label: string }[];
	pads: { id: string; workshopId: string; words: number }[];
	filesPerWorkshop: Map<string, number>;
	deliverables: ArchiveDeliverableSummary[];
	contributors: number;
};

const empty = (): FigureRow => ({ workshops: 0, pads: 0, deliverables: 0, words: 0, files: 0 });

function figuresOf(src: Sources, workshopIds: Set<string>, deliverables: ArchiveDeliverableSummary[]): FigureRow {
	const row = empty();
	row.workshops = workshopIds.size;
	for (const pad of src.pads) {
		if (!workshopIds.has(pad.workshopId)) continue;
		row.pads += 1;
		row.words += pad.words;
	}
	for (const id of workshopIds) row.files += src.filesPerWorkshop.get(id) ?? 0;
	// Withdrawn deliverables stay in the archive's history but are not counted as outputs.
	row.deliverables = deliverables.filter((d) => d.status === 'published').length;
	return row;
}

export function computeKeyFigures(src: Sources): KeyFigures {
	const all = new Set(src.workshops.map((w) => w.id));
	const formats = new Map<WorkshopFormat, number>();
	for (const w of src.workshops) formats.set(w.format, (formats.get(w.format) ?? 0) + 1);
	const byTheme = src.themes.map((theme) => {
		const ids = new Set(src.workshops.filter((w) => w.themes.some((t) => t.id === theme.id)).map((w) => w.id));
		// A deliverable belongs to a theme it was tagged with, or, untagged, to its workshop's themes.
		const deliverables = src.deliverables.filter((d) => (d.themes.length > 0 ? d.themes.some((t) => t.id === theme.id) : ids.has(d.workshopId)));
		return { id: theme.id, label: theme.label, ...figuresOf(src, ids, deliverables) };
	});
	return {
		...figuresOf(src, all, src.deliverables),
		contributors: src.contributors,
		byFormat: [...formats].map(([format, workshops]) => ({ format, workshops })).sort((a, b) => b.workshops - a.workshops || a.format.localeCompare(b.format)),
		byTheme
	};
}
