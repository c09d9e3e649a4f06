// What the kit use cases share: their dependencies, the clock, the policy's kit rows, and an edition's kit as it would be exported.
import type { Db } from '../db/open';
import type { AccessRules } from '../domain/editions/access';
import type { EditionRow, EditionsRepo } from '../domain/editions/editions.repo';
import type { EditionsService } from '../domain/editions/editions.service';
import type { StructureRepo } from '../domain/programme/structure.repo';
import type { StructureService } from '../domain/programme/structure.service';
import type { WorkshopsRepo } from '../domain/programme/workshops.repo';
import type { WorkshopsService } from '../domain/programme/workshops.service';
import type { Clock } from '../domain/types';
import { createKitAccess } from './kit-access';
import { renderKit, type KitSnapshot } from './kit-render';
import { buildSnapshot, emptyExtras } from './kit-snapshot';
import { writeKitZip } from './kit-zip';
import type { KitsRepo } from './kits.repo';

export type KitsDeps = {
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


export function createKitsContext(deps: KitsDeps) {
	const { repo } = deps;
	const now = () => new Date(deps.clock()).toISOString();
	const kitOf = createKitAccess(deps.access);

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

	return { deps, repo, now, kitOf, snapshotOf, ensureKit, zipOf };
}
export type KitsContext = ReturnType<typeof createKitsContext>;
