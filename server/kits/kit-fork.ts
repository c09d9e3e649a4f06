// Forks a validated kit into a new edition: structure, workshop skeleton, documents and lineage in one transaction.
import type { Db } from '../db/open';
import type { EditionRow } from '../domain/editions/editions.repo';
import type { EditionsService } from '../domain/editions/editions.service';
import type { StructureService } from '../domain/programme/structure.service';
import type { WorkshopsService } from '../domain/programme/workshops.service';
import type { Clock, Viewer } from '../domain/types';
import { AppError } from '../shared/errors';
import { editionSchema } from '../shared/schemas';
import { themeKey } from '../shared/themes';
import { parseInput } from '../shared/validate';
import { kitIdFrom } from './kit-render';
import type { ProgrammeExtras } from './kit-snapshot';
import type { Kit } from './kit-validate';
import type { KitDocumentRow, KitsRepo } from './kits.repo';

type Deps = { db: Db; clock: Clock; editions: EditionsService; structure: StructureService; workshops: WorkshopsService; repo: KitsRepo };

const addDays = (isoDate: string, days: number) => new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10);

/** Every file of the kit but its two JSON files, as the edition's editable documents, in the manifest's order. */
function documentsOf(kit: Kit, editionId: string, now: string): KitDocumentRow[] {
	const m = kit.manifest;
	const rows: KitDocumentRow[] = [];
	const add = (path: string, fields: Pick<KitDocumentRow, 'kind' | 'guide_kind' | 'format' | 'title'>) => {
		if (rows.some((r) => r.path === path)) return;
		rows.push({ edition_id: editionId, path, ...fields, content_type: 'markdown', body: kit.files.get(path)!, position: rows.length, updated_at: now });
	};
	for (const readme of ['README.md', 'README.en.md']) if (kit.files.has(readme)) add(readme, { kind: 'readme', guide_kind: null, format: null, title: readme });
	for (const g of m.guides) add(g.file, { kind: 'guide', guide_kind: g.kind, format: null, title: g.title });
	for (const t of m.templates) add(t.file, { kind: 'template', guide_kind: null, format: t.format, title: t.title });
	for (const a of m.assets) add(a.file, { kind: 'asset', guide_kind: null, format: null, title: a.title });
	for (const path of [...kit.files.keys()].sort()) {
		if (path !== 'kit.json' && path !== m.programme) add(path, { kind: 'asset', guide_kind: null, format: null, title: path });
	}
	return rows;
}

export function createKitFork(deps: Deps) {
	const { db, repo } = deps;
	const now = () => new Date(deps.clock()).toISOString();

	/** The edition form's fields; the kit's licence applies unless the form chose one. */
	return function fork(viewer: Viewer | null, kit: Kit, raw: Record<string, unknown>): EditionRow {
		const input = parseInput(editionSchema, { licence: kit.manifest.licence, ...raw });
		const days = Math.max(1, ...kit.programme.workshops.map((w) => w.day));
		const lastDay = addDays(input.startsOn, days - 1);
		if (input.endsOn < lastDay) {
			throw new AppError('invalid', 'error.kit.tooShort', { endsOn: 'kitTooShort' }, {}, { days, lastDay });
		}
		const p = kit.programme;
		return db.transaction(() => {
			const edition = deps.editions.create(viewer, input);
			const id = edition.id;
			const themeIds = new Map<string, string>();
			for (const t of p.themes) {
				const themeId = deps.structure.addTheme(viewer, id, { label: t.label, aliases: t.aliases });
				for (const name of [t.label, ...t.aliases]) themeIds.set(themeKey(name), themeId);
			}
			const trackIds = new Map(p.tracks.map((t) => [t.label, deps.structure.addTrack(viewer, id, { title: t.label, description: t.description })]));
			const roomIds = new Map(p.rooms.map((r) => [r.label, deps.structure.addRoom(viewer, id, { name: r.label })]));
			for (const w of p.workshops) {
				const date = addDays(input.startsOn, w.day - 1);
				deps.workshops.create(viewer, id, {
					title: w.title,
					format: w.format,
					description: w.description,
					trackId: w.track ? trackIds.get(w.track) : undefined,
					roomId: w.room ? roomIds.get(w.room) : undefined,
					themeIds: [...new Set(w.themes.map((name) => themeIds.get(themeKey(name))!))],
					startsAt: `${date}T${w.start}`,
					endsAt: `${date}T${w.end}`
				});
			}
			const t = now();
			const extras: ProgrammeExtras = {
				formats: p.formats,
				roomTypes: p.roomTypes,
				roles: p.roles,
				timeline: p.timeline,
				roomTypesByRoom: Object.fromEntries(p.rooms.filter((r) => r.type).map((r) => [r.label, r.type!]))
			};
			const m = kit.manifest;
			repo.insert({
				edition_id: id,
				kit_id: kitIdFrom(edition.title),
				// Same content, same version: the fork's own versions continue from its upstream's.
				version: m.version,
				title: edition.title,
				summary: m.summary,
				languages: JSON.stringify(m.languages),
				authors: JSON.stringify(m.authors),
				credits: JSON.stringify(m.credits),
				changelog: JSON.stringify(m.changelog),
				forked_from: JSON.stringify({ kit: m.id, version: m.version, edition: edition.title, territory: edition.city, date: t.slice(0, 10) }),
				upstream_files: JSON.stringify(Object.fromEntries(kit.files)),
				programme: JSON.stringify(extras),
				adaptation_notes: '',
				created_at: t,
				updated_at: t
			});
			for (const row of documentsOf(kit, id, t)) repo.insertDocument(row);
			return deps.editions.get(viewer, id).edition;
		})();
	};
}
export type KitFork = ReturnType<typeof createKitFork>;
