// An edition's kit: the manage page's overview, its export and republication, adaptation notes, documents, templates, diff.
import { createOutboxRepo } from '../domain/outbox/outbox.repo';
import type { Viewer } from '../domain/types';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { kitDocumentSchema, kitExportSchema, kitNotesSchema, kitRepublishSchema, kitTemplateSchema } from '../shared/kit-schemas';
import { parseInput } from '../shared/validate';
import { byModule, canonicalKitFiles, diffKits } from './kit-diff';
import type { KitFiles } from './kit-files';
import { bumpVersion, renderKit, type KitSnapshot } from './kit-render';
import { sha256 } from './kit-zip';
import type { KitsContext } from './kits-context';

export function createEditionKit({ deps, repo, now, kitOf, snapshotOf, ensureKit, zipOf }: KitsContext) {
	const { db } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	return {
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
			const files = diffKits(upstream, canonicalKitFiles(renderKit(snapshotOf(edition, false))));
			return { edition, forkedFrom, kitId: row.kit_id, files, modules: byModule(files) };
		}
	};
}
