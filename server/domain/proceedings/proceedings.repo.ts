// SQL for syntheses, citations, resource links and proceedings versions.
import type { Db } from '../../db/open';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock } from '../types';
import type { ResourceKind, ResourceTarget } from '../../shared/proceedings-schemas';

export type SynthesisRow = { id: string; edition_id: string; theme_id: string; title: string; markdown: string; updated_by: string | null; created_at: string; updated_at: string; live_at: string | null };
export type CitationRow = { id: string; synthesis_id: string; deliverable_id: string; version: number; anchor: string; quoted_text: string; created_at: string };
export type LinkRow = { id: string; edition_id: string; target_kind: ResourceTarget; target_id: string; title: string; url: string; kind: ResourceKind; licence: string | null; created_at: string };
export type DraftRow = { edition_id: string; introduction: string; licence: string; credits_json: string; updated_at: string };
export type ProceedingsVersionRow = { edition_id: string; version: number; licence: string; outline_json: string; credits_json: string; published_at: string };

/** `clock`: when change events for the search index (outbox) are recorded. */
export function createProceedingsRepo(db: Db, clock: Clock = Date.now) {
	const outbox = createOutboxRepo(db, clock);
	return {
		synthesis: (id: string) => db.prepare<[string], SynthesisRow>('SELECT * FROM syntheses WHERE id = ?').get(id),
		synthesisFor: (editionId: string, themeId: string) =>
			db.prepare<[string, string], SynthesisRow>('SELECT * FROM syntheses WHERE edition_id = ? AND theme_id = ?').get(editionId, themeId),
		syntheses: (editionId: string) =>
			db
				.prepare<[string], SynthesisRow>('SELECT s.* FROM syntheses s JOIN themes t ON t.id = s.theme_id WHERE s.edition_id = ? ORDER BY t.position, t.label')
				.all(editionId),
		insertSynthesis(row: Omit<SynthesisRow, 'updated_by'> & { updated_by: string }) {
			db.prepare('INSERT INTO syntheses (id, edition_id, theme_id, title, markdown, updated_by, created_at, updated_at, live_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
				row.id, row.edition_id, row.theme_id, row.title, row.markdown, row.updated_by, row.created_at, row.updated_at, row.live_at
			);
			this.addEditor(row.id, row.updated_by);
			outbox.record('synthesis.changed', row.id);
		},
		updateSynthesis(id: string, title: string, markdown: string, by: string, at: string) {
			db.transaction(() => {
				db.prepare('UPDATE syntheses SET title = ?, markdown = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(title, markdown, by, at, id);
				this.addEditor(id, by);
				outbox.record('synthesis.changed', id);
			})();
		},
		markLive: (id: string, at: string) => db.prepare('UPDATE syntheses SET live_at = ? WHERE id = ? AND live_at IS NULL').run(at, id),
		cacheMarkdown: (id: string, markdown: string) => db.prepare('UPDATE syntheses SET markdown = ? WHERE id = ?').run(markdown, id),
		addEditor: (synthesisId: string, userId: string) => db.prepare('INSERT OR IGNORE INTO synthesis_editors (synthesis_id, user_id) VALUES (?, ?)').run(synthesisId, userId),
		editors: (synthesisId: string) => db.prepare<[string], string>('SELECT user_id FROM synthesis_editors WHERE synthesis_id = ? ORDER BY user_id').pluck().all(synthesisId),
		theme: (editionId: string, themeId: string) =>
			db.prepare<[string, string], { id: string; label: string }>('SELECT id, label FROM themes WHERE edition_id = ? AND id = ?').get(editionId, themeId),
		themes: (editionId: string) => db.prepare<[string], { id: string; label: string }>('SELECT id, label FROM themes WHERE edition_id = ? ORDER BY position, label').all(editionId),

		citation: (id: string) => db.prepare<[string], CitationRow>('SELECT * FROM citations WHERE id = ?').get(id),
		citations: (synthesisId: string) => db.prepare<[string], CitationRow>('SELECT * FROM citations WHERE synthesis_id = ? ORDER BY created_at, id').all(synthesisId),
		insertCitation(row: CitationRow, by: string) {
			db.prepare('INSERT INTO citations (id, synthesis_id, deliverable_id, version, anchor, quoted_text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
				row.id, row.synthesis_id, row.deliverable_id, row.version, row.anchor, row.quoted_text, by, row.created_at
			);
			outbox.record('synthesis.changed', row.synthesis_id);
		},
		moveCitation(id: string, version: number, anchor: string, quoted: string) {
			db.prepare('UPDATE citations SET version = ?, anchor = ?, quoted_text = ? WHERE id = ?').run(version, anchor, quoted, id);
			const synthesisId = db.prepare<[string], string>('SELECT synthesis_id FROM citations WHERE id = ?').pluck().get(id);
			if (synthesisId) outbox.record('synthesis.changed', synthesisId);
		},

		links: (editionId: string) => db.prepare<[string], LinkRow>('SELECT * FROM resource_links WHERE edition_id = ? ORDER BY created_at, id').all(editionId),
		link: (id: string) => db.prepare<[string], LinkRow>('SELECT * FROM resource_links WHERE id = ?').get(id),
		insertLink(row: LinkRow, by: string) {
			db.prepare('INSERT INTO resource_links (id, edition_id, target_kind, target_id, title, url, kind, licence, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
				row.id, row.edition_id, row.target_kind, row.target_id, row.title, row.url, row.kind, row.licence, by, row.created_at
			);
		},
		deleteLink: (id: string) => db.prepare('DELETE FROM resource_links WHERE id = ?').run(id),
		/** Is the target part of this edition? Links never point across editions. */
		targetInEdition(kind: ResourceTarget, id: string, editionId: string): boolean {
			const table = kind === 'workshop' ? 'workshops' : kind === 'deliverable' ? 'deliverables' : 'syntheses';
			return db.prepare<[string, string], number>(`SELECT count(*) FROM ${table} WHERE id = ? AND edition_id = ?`).pluck().get(id, editionId) === 1;
		},

		draft: (editionId: string) => db.prepare<[string], DraftRow>('SELECT * FROM proceedings_drafts WHERE edition_id = ?').get(editionId),
		saveDraft(row: DraftRow) {
			db.prepare(
				`INSERT INTO proceedings_drafts (edition_id, introduction, licence, credits_json, updated_at) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT(edition_id) DO UPDATE SET introduction = excluded.introduction, licence = excluded.licence, credits_json = excluded.credits_json, updated_at = excluded.updated_at`
			).run(row.edition_id, row.introduction, row.licence, row.credits_json, row.updated_at);
		},
		lastVersion: (editionId: string) =>
			db.prepare<[string], number>('SELECT coalesce(max(version), 0) FROM proceedings_versions WHERE edition_id = ?').pluck().get(editionId) ?? 0,
		version: (editionId: string, version: number) =>
			db.prepare<[string, number], ProceedingsVersionRow>('SELECT * FROM proceedings_versions WHERE edition_id = ? AND version = ?').get(editionId, version),
		versions: (editionId: string) =>
			db.prepare<[string], { version: number; publishedAt: string }>('SELECT version, published_at AS publishedAt FROM proceedings_versions WHERE edition_id = ? ORDER BY version').all(editionId),
		insertVersion(row: ProceedingsVersionRow, by: string) {
			db.transaction(() => {
				db.prepare('INSERT INTO proceedings_versions (edition_id, version, licence, outline_json, credits_json, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
					row.edition_id, row.version, row.licence, row.outline_json, row.credits_json, by, row.published_at
				);
				outbox.record('proceedings.published', row.edition_id);
			})();
		},
		/** The credit entries frozen with a deliverable version (people by id). */
		deliverableCredits: (deliverableId: string, version: number) =>
			db.prepare<[string, number], string>('SELECT credits_json FROM deliverable_versions WHERE deliverable_id = ? AND version = ?').pluck().get(deliverableId, version) ?? '[]'
	};
}
export type ProceedingsRepo = ReturnType<typeof createProceedingsRepo>;
