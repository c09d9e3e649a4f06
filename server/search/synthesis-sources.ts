// Reads syntheses for the index: the live ones from their stored room, the published ones from the latest proceedings version.
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocStore } from '../collab/doc-store';
import type { Db } from '../db/open';
import { renderPadMarkdown } from '../domain/pads/pad-markdown';
import type { PmNode } from '../domain/pads/pad-html';
import { PAD_FRAGMENT } from '../shared/pad-schema';
import { themeKey } from '../shared/themes';
import { synthesisDoc, type Placement, type QuotedPassage, type SearchDoc } from './documents';

type SynthesisFacts = { id: string; edition_id: string; title: string; theme_label: string; live_at: string | null; markdown: string };
type FrozenOutline = { syntheses?: { id: string; themeLabel: string; title: string; markdown: string; citations: { id: string; deliverableTitle: string; quotedText: string }[] }[] };

const themed = (p: Placement, label: string): Placement => ({ ...p, themes: [{ key: themeKey(label), names: [label.startsWith('#') ? label : `#${label}`] }] });

/** `placement`: where the edition's own documents sit (its licence, year, date). */
export function createSynthesisSources(deps: { db: Db; store: DocStore; placement: (editionId: string) => Placement | null }) {
	const { db } = deps;
	const synthesis = db.prepare<[string], SynthesisFacts>(
		'SELECT s.id, s.edition_id, s.title, t.label AS theme_label, s.live_at, s.markdown FROM syntheses s JOIN themes t ON t.id = s.theme_id WHERE s.id = ?'
	);
	const idsOf = db.prepare<[string], string>('SELECT id FROM syntheses WHERE edition_id = ?').pluck();
	const citations = db.prepare<[string], { id: string; title: string; quoted_text: string }>(
		`SELECT c.id, coalesce(v.title, '') AS title, c.quoted_text FROM citations c
		 LEFT JOIN deliverable_versions v ON v.deliverable_id = c.deliverable_id AND v.version = c.version WHERE c.synthesis_id = ?`
	);
	const latest = db.prepare<[string], { version: number; outline_json: string }>('SELECT version, outline_json FROM proceedings_versions WHERE edition_id = ? ORDER BY version DESC LIMIT 1');

	/** The live document's Markdown; before it went live (migration 045), the Markdown column. */
	function liveMarkdown(s: SynthesisFacts): string {
		if (s.live_at === null) return s.markdown;
		const doc = new Y.Doc();
		const stored = deps.store.load(`synthesis:${s.id}`);
		if (stored.base) Y.applyUpdate(doc, stored.base);
		for (const u of stored.updates) Y.applyUpdate(doc, u);
		return renderPadMarkdown(yDocToProsemirrorJSON(doc, PAD_FRAGMENT) as PmNode);
	}

	return {
		synthesisIds: (editionId: string) => idsOf.all(editionId),

		/** The synthesis being written, for its editors; null when it is gone. */
		liveDoc(synthesisId: string, rev: number): SearchDoc | null {
			const s = synthesis.get(synthesisId);
			const p = s ? deps.placement(s.edition_id) : null;
			if (!s || !p) return null;
			const quotes = new Map<string, QuotedPassage>(citations.all(s.id).map((c) => [c.id, { sourceTitle: c.title, quotedText: c.quoted_text }]));
			const url = `/editions/${s.edition_id}/proceedings/syntheses/${s.id}`;
			return synthesisDoc({ id: s.id, title: s.title, themeLabel: s.theme_label, markdown: liveMarkdown(s), quotes, url, live: true }, themed(p, s.theme_label), rev);
		},

		/** The syntheses of the latest published proceedings, for every reader of the edition. */
		publishedDocs(editionId: string, rev: number): SearchDoc[] {
			const version = latest.get(editionId);
			const p = deps.placement(editionId);
			if (!version || !p) return [];
			const outline = JSON.parse(version.outline_json) as FrozenOutline;
			return (outline.syntheses ?? []).map((s, i) => {
				const quotes = new Map<string, QuotedPassage>(s.citations.map((c) => [c.id, { sourceTitle: c.deliverableTitle, quotedText: c.quotedText }]));
				const url = `/archive/${editionId}/proceedings/v/${version.version}#synthese-${i + 1}`;
				return synthesisDoc({ id: s.id, title: s.title, themeLabel: s.themeLabel, markdown: s.markdown, quotes, url, live: false }, themed(p, s.themeLabel), rev);
			});
		}
	};
}
export type SynthesisSources = ReturnType<typeof createSynthesisSources>;
