// Builds an edition's kit snapshot from its rows (pure): structure, skeleton of workshops without people, documents.
import { templateMarkdown } from '../domain/pads/templates';
import type { EditionRow } from '../domain/editions/editions.repo';
import type { RoomRow, ThemeRow, TrackRow } from '../domain/programme/structure.repo';
import type { WorkshopRow } from '../domain/programme/workshops.repo';
import { workshopFormatLabels, type Licence, type WorkshopFormat } from '../shared/vocabulary';
import type { KitDocument, KitSnapshot } from './kit-render';
import { kitIdFrom } from './kit-render';
import type { GuideKind, KitProgramme } from '../shared/kit-format';
import type { EditionKitRow, KitDocumentRow } from './kits.repo';

/** What a kit's programme.json holds that the edition's tables do not: kept as JSON on the edition's kit row. */
export type ProgrammeExtras = Pick<KitProgramme, 'formats' | 'roomTypes' | 'roles' | 'timeline'> & { roomTypesByRoom: Record<string, string> };
export const emptyExtras = (): ProgrammeExtras => ({ formats: [], roomTypes: [], roles: [], timeline: [], roomTypesByRoom: {} });

export type SnapshotSource = {
	edition: EditionRow;
	kit: EditionKitRow | undefined;
	themes: ThemeRow[];
	tracks: TrackRow[];
	rooms: RoomRow[];
	workshops: WorkshopRow[];
	themeLinks: { workshop_id: string; theme_id: string }[];
	documents: KitDocumentRow[];
	examples: KitSnapshot['examples'];
};

const DAY_MS = 86_400_000;
const dayOf = (startsOn: string, startsAt: string) => Math.round((Date.parse(startsAt.slice(0, 10)) - Date.parse(startsOn)) / DAY_MS) + 1;
const minutesBetween = (a: string, b: string) => Math.round((Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60_000);

function workshopsOf(src: SnapshotSource): KitProgramme['workshops'] {
	const tracks = new Map(src.tracks.map((t) => [t.id, t.title]));
	const rooms = new Map(src.rooms.map((r) => [r.id, r.name]));
	const themes = new Map(src.themes.map((t) => [t.id, t]));
	return src.workshops.map((w) => {
		const sameDay = w.ends_at.slice(0, 10) === w.starts_at.slice(0, 10);
		const labels = src.themeLinks.filter((l) => l.workshop_id === w.id).map((l) => themes.get(l.theme_id)!);
		return {
			title: w.title,
			format: w.format,
			...(w.track_id && tracks.has(w.track_id) ? { track: tracks.get(w.track_id)! } : {}),
			themes: labels.sort((a, b) => a.position - b.position).map((t) => t.label),
			day: Math.min(31, Math.max(1, dayOf(src.edition.starts_on, w.starts_at))),
			start: w.starts_at.slice(11, 16),
			end: sameDay ? w.ends_at.slice(11, 16) : '23:59',
			...(w.room_id && rooms.has(w.room_id) ? { room: rooms.get(w.room_id)! } : {}),
			description: w.description
		};
	});
}

/** Formats named by the kit, then any other format the workshops use, each with the template it starts pads from. */
function formatsOf(src: SnapshotSource, extras: ProgrammeExtras, templates: Set<string>): KitProgramme['formats'] {
	const formats = extras.formats.map((f) => ({ ...f }));
	for (const w of src.workshops) {
		if (formats.some((f) => f.key === w.format)) continue;
		formats.push({ key: w.format, label: workshopFormatLabels[w.format], description: '', durationMinutes: Math.max(5, minutesBetween(w.starts_at, w.ends_at)) });
	}
	return formats.map((f) => {
		const { template: _previous, ...rest } = f;
		return templates.has(f.key) ? { ...rest, template: f.key } : rest;
	});
}

const toDocument = (d: KitDocumentRow): KitDocument => ({
	path: d.path,
	kind: d.kind,
	guideKind: (d.guide_kind as GuideKind | null) ?? null,
	format: d.format,
	title: d.title,
	body: d.body
});

export function buildSnapshot(src: SnapshotSource): KitSnapshot {
	const kit = src.kit;
	const extras: ProgrammeExtras = kit ? { ...emptyExtras(), ...(JSON.parse(kit.programme) as Partial<ProgrammeExtras>) } : emptyExtras();
	const documents = src.documents.map(toDocument);
	// An edition without its own template for a format exports the built-in one its pads start from.
	const used = new Set([...extras.formats.map((f) => f.key), ...src.workshops.map((w) => w.format)]);
	for (const format of [...used].sort()) {
		if (documents.some((d) => d.kind === 'template' && d.format === format)) continue;
		const body = templateMarkdown(format);
		if (body) documents.push({ path: `templates/${format}.md`, kind: 'template', guideKind: null, format, title: workshopFormatLabels[format as WorkshopFormat] ?? format, body });
	}
	const templates = new Set(documents.filter((d) => d.kind === 'template').map((d) => d.format!));
	const programme: KitProgramme = {
		themes: src.themes.map((t) => ({ label: t.label, aliases: JSON.parse(t.aliases) as string[] })),
		tracks: src.tracks.map((t) => ({ label: t.title, description: t.description })),
		formats: formatsOf(src, extras, templates),
		roomTypes: extras.roomTypes,
		roles: extras.roles,
		timeline: extras.timeline,
		rooms: src.rooms.map((r) => (extras.roomTypesByRoom[r.name] ? { label: r.name, type: extras.roomTypesByRoom[r.name] } : { label: r.name })),
		workshops: workshopsOf(src)
	};
	const e = src.edition;
	return {
		manifest: {
			id: kit?.kit_id ?? kitIdFrom(e.title),
			title: kit?.title ?? e.title,
			summary: kit?.summary ?? e.description.slice(0, 1000),
			version: kit?.version ?? '1.0.0',
			languages: kit ? (JSON.parse(kit.languages) as string[]) : ['fr'],
			licence: e.licence as Licence,
			authors: kit ? JSON.parse(kit.authors) : [],
			credits: kit ? JSON.parse(kit.credits) : [],
			forkedFrom: kit?.forked_from ? JSON.parse(kit.forked_from) : null,
			changelog: kit ? JSON.parse(kit.changelog) : []
		},
		programme,
		documents,
		examples: src.examples
	};
}
