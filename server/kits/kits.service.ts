// Kits: the built-in ones, forking a kit into a new edition, an edition's kit (export, republish, edit), lineage and diff.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import type { AccessRules } from '../domain/editions/access';
import type { EditionRow, EditionsRepo } from '../domain/editions/editions.repo';
import type { EditionsService } from '../domain/editions/editions.service';
import { createOutboxRepo } from '../domain/outbox/outbox.repo';
import type { StructureRepo } from '../domain/programme/structure.repo';
import type { StructureService } from '../domain/programme/structure.service';
import type { WorkshopsRepo } from '../domain/programme/workshops.repo';
import type { WorkshopsService } from '../domain/programme/workshops.service';
import type { Clock, Viewer } from '../domain/types';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { kitDocumentSchema, kitExportSchema, kitNotesSchema, kitRepublishSchema, kitTemplateSchema } from '../shared/kit-schemas';
import { parseInput } from '../shared/validate';
import { canonicalKitFiles, diffKits } from './kit-diff';
import { KitError, kitLimits, readKitFolder, readKitZip, type KitFiles } from './kit-files';
import { createKitAccess } from './kit-access';
import { createKitFork } from './kit-fork';
import { bumpVersion, renderKit, type KitSnapshot } from './kit-render';
import { kitIdSchema } from '../shared/kit-format';
import { buildSnapshot, emptyExtras } from './kit-snapshot';
import { validateKit, type Kit } from './kit-validate';
import { sha256, writeKitZip } from './kit-zip';
import { buildLineage, renderLineageSvg } from './lineage';
import type { KitsRepo } from './kits.repo';
import type { BuiltInKit } from '../shared/kit-views';

export type { BuiltInKit };

type Deps = {
	db: Db;
	clock: Clock;
	access: AccessRules;
	editions: EditionsService;
	structure: StructureService;
	workshops: WorkshopsService;
	editionsRepo: EditionsRepo;
	structureRepo: StructureRepo;
	workshopsRepo: WorkshopsRepo;
	repo: KitsRepo;
	/** The folder of built-in kits (kits/ in the repository). */
	kitsDir: string;
	/** Published deliverables of an edition as Markdown examples, when deliverables exist. */
	examples?: (editionId: string) => KitSnapshot['examples'];
};


export function createKitsService(deps: Deps) {
	const { db, repo, access } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();
	const kitOf = createKitAccess(access);
	const fork = createKitFork({ db, clock: deps.clock, editions: deps.editions, structure: deps.structure, workshops: deps.workshops, repo });

	function builtInIds(): string[] {
		if (!fs.existsSync(deps.kitsDir)) return [];
		return fs
			.readdirSync(deps.kitsDir, { withFileTypes: true })
			.filter((d) => d.isDirectory() && kitIdSchema.safeParse(d.name).success && fs.existsSync(path.join(deps.kitsDir, d.name, 'kit.json')))
			.map((d) => d.name)
			.sort();
	}

	/** The id comes from a URL: only a listed folder name is ever joined to the kits path. */
	function builtIn(id: string): Kit {
		if (!builtInIds().includes(id)) throw new AppError('not_found', 'error.kit.notFound');
		return validateKit(readKitFolder(path.join(deps.kitsDir, id)));
	}

	function snapshotOf(edition: EditionRow, includeExamples: boolean): KitSnapshot {
		return buildSnapshot({
			edition,
			kit: repo.find(edition.id),
			themes: deps.structureRepo.listThemes(edition.id),
			tracks: deps.structureRepo.listTracks(edition.id),
			rooms: deps.structureRepo.listRooms(edition.id),
			workshops: deps.workshopsRepo.listByEdition(edition.id),
			themeLinks: deps.workshopsRepo.themeLinks(edition.id),
			documents: repo.listDocuments(edition.id),
			examples: includeExamples && deps.examples ? deps.examples(edition.id) : []
		});
	}

	/** Editing an edition's kit gives it a kit row, starting from what its export would say. */
	function ensureKit(edition: EditionRow) {
		if (repo.find(edition.id)) return;
		const m = snapshotOf(edition, false).manifest;
		const t = now();
		repo.insert({
			edition_id: edition.id,
			kit_id: m.id,
			version: m.version,
			title: m.title,
			summary: m.summary,
			languages: JSON.stringify(m.languages),
			authors: '[]',
			credits: '[]',
			changelog: '[]',
			forked_from: null,
			upstream_files: null,
			programme: JSON.stringify(emptyExtras()),
			adaptation_notes: '',
			created_at: t,
			updated_at: t
		});
	}

	const zipOf = async (snapshot: KitSnapshot) => {
		const bytes = await writeKitZip(snapshot.manifest.id, renderKit(snapshot));
		return { filename: `${snapshot.manifest.id}-${snapshot.manifest.version}.zip`, bytes };
	};

	function readableEditions<T extends { edition_id: string }>(viewer: Viewer | null, rows: T[]): T[] {
		return rows.filter((r) => {
			try {
				kitOf(viewer, r.edition_id, 'read');
				return true;
			} catch {
				return false;
			}
		});
	}

	return {
		listBuiltIn(): BuiltInKit[] {
			return builtInIds().map((id) => {
				try {
					const { manifest: m } = builtIn(id);
					return { id, title: m.title, summary: m.summary, version: m.version, licence: m.licence, languages: m.languages, problems: [] };
				} catch (e) {
					return { id, title: id, summary: '', version: '', licence: '', languages: [], problems: e instanceof KitError ? e.problems : [(e as Error).message] };
				}
			});
		},

		getBuiltIn: builtIn,

		/** Reads and validates an uploaded zip; nothing is stored. */
		async readUpload(bytes: Uint8Array): Promise<Kit> {
			if (bytes.length === 0) throw new AppError('invalid', 'error.kit.chooseZip', { kitFile: 'required' });
			if (bytes.length > kitLimits.maxTotalBytes) throw new AppError('too_large', 'error.kit.tooLarge', { kitFile: 'tooLarge' }, {}, { mb: kitLimits.maxTotalBytes / 1024 / 1024 });
			return validateKit(await readKitZip(Buffer.from(bytes)));
		},

		/** A new edition from a kit, pre-populated, with its lineage; all of it or nothing. */
		fork,

		/** The manage page: the edition's kit as it would be exported, its documents, notes and published versions. */
		overview(viewer: Viewer | null, editionId: string) {
			const { edition } = kitOf(viewer, editionId, 'curate');
			const row = repo.find(editionId);
			const snapshot = snapshotOf(edition, false);
			return {
				manifest: snapshot.manifest,
				programme: snapshot.programme,
				documents: snapshot.documents,
				notes: row?.adaptation_notes ?? '',
				hasUpstream: Boolean(row?.upstream_files),
				publications: repo.listPublications(editionId).map((p) => ({ version: p.version, changes: JSON.parse(p.changes) as string[], sha256: p.sha256, bytes: p.bytes, createdAt: p.created_at })),
				canIncludeExamples: Boolean(deps.examples)
			};
		},

		async exportZip(viewer: Viewer | null, editionId: string, raw: unknown = {}) {
			const { edition } = kitOf(viewer, editionId, 'curate');
			const { examples } = parseInput(kitExportSchema, raw);
			return zipOf(snapshotOf(edition, examples));
		},

		/** A new version of the edition's kit: semver bump, a required changelog entry, and the bytes' hash on record. */
		async republish(viewer: Viewer | null, editionId: string, raw: unknown) {
			const { edition } = kitOf(viewer, editionId, 'curate');
			const input = parseInput(kitRepublishSchema, raw);
			ensureKit(edition);
			const row = repo.find(editionId)!;
			const version = bumpVersion(row.version, input.bump);
			const changelog = [{ version, date: now().slice(0, 10), changes: input.changes }, ...(JSON.parse(row.changelog) as unknown[])];
			const snapshot = snapshotOf(edition, false);
			const released = { ...snapshot, manifest: { ...snapshot.manifest, version, changelog } } as KitSnapshot;
			const zip = await zipOf(released);
			db.transaction(() => {
				repo.updateRelease(editionId, version, JSON.stringify(changelog), now());
				repo.insertPublication({ id: newId(), edition_id: editionId, kit_id: row.kit_id, version, changes: JSON.stringify(input.changes), sha256: sha256(zip.bytes), bytes: zip.bytes.length, created_by: viewer!.id, created_at: now() });
				outbox.record('edition.changed', editionId, { kit: row.kit_id, version });
			})();
			return { version, ...zip };
		},

		saveNotes(viewer: Viewer | null, editionId: string, raw: unknown) {
			const { edition } = kitOf(viewer, editionId, 'curate');
			const { notes } = parseInput(kitNotesSchema, raw);
			db.transaction(() => {
				ensureKit(edition);
				repo.updateNotes(editionId, notes, now());
			})();
		},

		notesOf: (editionId: string) => repo.find(editionId)?.adaptation_notes ?? '',

		/** Edits a guide, checklist, charter or readme the edition already has. */
		saveDocument(viewer: Viewer | null, editionId: string, raw: unknown) {
			kitOf(viewer, editionId, 'curate');
			const input = parseInput(kitDocumentSchema, raw);
			if (repo.updateDocument(editionId, input.path, input.title, input.body, now()) === 0) throw new AppError('not_found', 'error.kit.documentNotFound');
		},

		/** Sets the edition's template for a format (new pads of that format start from it). */
		saveTemplate(viewer: Viewer | null, editionId: string, raw: unknown) {
			const { edition } = kitOf(viewer, editionId, 'curate');
			const input = parseInput(kitTemplateSchema, raw);
			const file = `templates/${input.format}.md`;
			db.transaction(() => {
				ensureKit(edition);
				if (repo.updateDocument(editionId, file, input.title, input.body, now()) === 0) {
					repo.insertDocument({ edition_id: editionId, path: file, kind: 'template', guide_kind: null, format: input.format, title: input.title, content_type: 'markdown', body: input.body, position: repo.nextDocumentPosition(editionId), updated_at: now() });
				}
			})();
		},

		/** The Markdown template a workshop's edition set for a format, if any. */
		templateForWorkshop: (workshopId: string, format: string) => repo.templateForWorkshop(workshopId, format) ?? null,
		templateFormats: (editionId: string) => repo.templateFormats(editionId),

		/** What the edition's kit changed from the kit it was forked from. */
		diff(viewer: Viewer | null, editionId: string) {
			const { edition } = kitOf(viewer, editionId, 'read');
			const row = repo.find(editionId);
			if (!row?.upstream_files) throw new AppError('not_found', 'error.kit.notForked');
			const upstream: KitFiles = canonicalKitFiles(new Map(Object.entries(JSON.parse(row.upstream_files) as Record<string, string>)));
			const forkedFrom = JSON.parse(row.forked_from!) as { kit: string; version: string };
			return { edition, forkedFrom, kitId: row.kit_id, files: diffKits(upstream, canonicalKitFiles(renderKit(snapshotOf(edition, false)))) };
		},

		/** The family tree around a kit, as data (for the text list) and as an SVG drawing. */
		lineage(viewer: Viewer | null, kitId: string, text: { title: string; desc: string }) {
			const builtInKits = new Map(builtInIds().map((id) => [id, id]));
			const describe = (id: string) => {
				if (builtInKits.has(id)) {
					try {
						const { manifest } = builtIn(id);
						return { label: manifest.title, versions: [manifest.version], href: `/kits/${id}` };
					} catch {
						return { label: id, versions: [], href: `/kits/${id}` };
					}
				}
				const owner = readableEditions(viewer, repo.listByKitId(id))[0];
				const versions = repo.listVersionsOf(id);
				return { label: id, versions: versions.length ? versions : owner ? [owner.version] : [], href: null };
			};
			const upstreamOf = (id: string): string | null => {
				if (builtInKits.has(id)) {
					try {
						return builtIn(id).manifest.forkedFrom?.kit ?? null;
					} catch {
						return null;
					}
				}
				const owner = repo.listByKitId(id)[0];
				return owner?.forked_from ? (JSON.parse(owner.forked_from) as { kit: string }).kit : null;
			};
			const graph = buildLineage(kitId, {
				upstreamOf,
				describeKit: describe,
				forksOf: (id) =>
					readableEditions(viewer, repo.listForksOf(id)).map((e) => ({
						editionId: e.edition_id,
						title: e.title,
						detail: [e.city, e.starts_on.slice(0, 4)].filter(Boolean).join(' · '),
						ownKitId: e.kit_id,
						published: repo.listVersionsOf(e.kit_id).length > 0
					}))
			});
			// A kit known only through editions the viewer cannot read stays unknown to them.
			const known = builtInKits.has(kitId) || readableEditions(viewer, [...repo.listByKitId(kitId), ...repo.listForksOf(kitId)]).length > 0;
			if (!known) throw new AppError('not_found', 'error.kit.notFound');
			return { graph, svg: renderLineageSvg(graph, text) };
		}
	};
}
export type KitsService = ReturnType<typeof createKitsService>;
