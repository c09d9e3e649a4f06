// Syntheses per edition and theme: live documents written like pads by the staff, quoting published deliverables through citation records.
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { citationSchema, resourceLinkSchema, synthesisSchema } from '../../shared/proceedings-schemas';
import type { CitableDeliverable, CitationView, ResourceLinkView, SynthesisView } from '../../shared/proceedings-views';
import type { CreditLocale, CreditsService } from '../deliverables/credits';
import type { DeliverablesService } from '../deliverables/deliverables.service';
import { renderPadMarkdown } from '../pads/pad-markdown';
import type { PmNode } from '../pads/pad-html';
import { markdownDocument } from '../pads/templates';
import type { LiveDocuments } from '../ports';
import type { Clock, Viewer } from '../types';
import type { EditorialAccess } from './editorial-access';
import type { CitationRow, LinkRow, ProceedingsRepo, SynthesisRow } from './proceedings.repo';
import { renderSynthesis, citationHref } from './synthesis-render';
import { containsQuote, moveAnchor, sourceSections } from './source-sections';

export type SynthesesDeps = {
	clock: Clock;
	repo: ProceedingsRepo;
	editorial: EditorialAccess;
	deliverables: Pick<DeliverablesService, 'listPublished' | 'getPublished'>;
	credits: CreditsService;
	/** Safe Markdown to HTML (raw HTML shown as text), wired by the composition root. */
	renderMarkdown: (markdown: string) => string;
	/** The live documents of the `synthesis:<id>` rooms (the pads' machinery, server/collab/pad-documents.ts). */
	documents: LiveDocuments;
};

export const linkView = (r: LinkRow): ResourceLinkView => ({ id: r.id, targetKind: r.target_kind, targetId: r.target_id, title: r.title, url: r.url, kind: r.kind, licence: r.licence });
const citeLine = (id: string) => `[[cite:${id}]]`;

export function createSynthesesService(deps: SynthesesDeps) {
	const { repo } = deps;
	const now = () => new Date(deps.clock()).toISOString();

	/**
	 * A synthesis written before they were live documents: its Markdown goes into the document once, credited to
	 * its last writer (migration 045). The column keeps that text; from then on it only caches the document's Markdown.
	 */
	function ensureLive(row: SynthesisRow): void {
		if (row.live_at !== null) return;
		if (row.markdown.trim() !== '') deps.documents.appendContent(row.id, markdownDocument(row.markdown), row.updated_by);
		repo.markLive(row.id, now());
		row.live_at = now();
	}

	/** The live document as Markdown (citation lines included), cached in the row for the open data and privacy exports. */
	function markdownOf(row: SynthesisRow): string {
		ensureLive(row);
		// A citation line is a paragraph of the document; its Markdown escapes the brackets, which the line's readers do not expect.
		const markdown = renderPadMarkdown(deps.documents.currentContent(row.id) as PmNode).replace(/^\\\[\\\[cite:([A-Za-z0-9]+)\\\]\\\][ \t]*$/gm, '[[cite:$1]]');
		if (markdown !== row.markdown) repo.cacheMarkdown(row.id, markdown);
		return markdown;
	}

	function synthesisOf(viewer: Viewer | null, id: string): { row: SynthesisRow; viewer: Viewer } {
		const row = repo.synthesis(id);
		if (!row) throw new AppError('not_found', 'error.proceedings.synthesisNotFound');
		return { row, viewer: deps.editorial.editor(viewer, row.edition_id).viewer };
	}

	/** The deliverable's authors as they choose to be credited today. */
	function attribution(deliverableId: string, version: number, editionId: string, locale: CreditLocale): string {
		const entries = JSON.parse(repo.deliverableCredits(deliverableId, version)) as Parameters<CreditsService['resolveAll']>[0];
		const authors = deps.credits.resolveAll(entries.filter((e) => e.role === 'author'), editionId, locale).map((c) => c.display);
		return [...new Set(authors)].join(', ');
	}

	function citationView(c: CitationRow, editionId: string, locale: CreditLocale): CitationView {
		const latest = deps.deliverables.getPublished(c.deliverable_id, undefined, { locale });
		const cited = c.version === latest.version ? latest : deps.deliverables.getPublished(c.deliverable_id, c.version, { locale });
		return {
			id: c.id,
			deliverableId: c.deliverable_id,
			deliverableTitle: cited.title,
			version: c.version,
			latestVersion: latest.version,
			outdated: c.version < latest.version,
			anchor: c.anchor,
			quotedText: c.quoted_text,
			attribution: attribution(c.deliverable_id, c.version, editionId, locale),
			href: citationHref(editionId, c.deliverable_id, c.version, c.anchor)
		};
	}

	function view(row: SynthesisRow, locale: CreditLocale): SynthesisView {
		const markdown = markdownOf(row);
		const citations = repo.citations(row.id).map((c) => citationView(c, row.edition_id, locale));
		return {
			id: row.id,
			editionId: row.edition_id,
			themeId: row.theme_id,
			themeLabel: repo.theme(row.edition_id, row.theme_id)?.label ?? '',
			title: row.title,
			markdown,
			html: renderSynthesis(markdown, citations, deps.renderMarkdown),
			citations,
			links: repo.links(row.edition_id).filter((l) => l.target_kind === 'synthesis' && l.target_id === row.id).map(linkView),
			updatedAt: row.updated_at
		};
	}

	return {
		view,

		/** Every theme of the edition with its synthesis, if one was started (the editors' index). */
		listForEditor(viewer: Viewer | null, editionId: string) {
			deps.editorial.editor(viewer, editionId);
			const started = new Map(repo.syntheses(editionId).map((s) => [s.theme_id, s]));
			return repo.themes(editionId).map((t) => ({ themeId: t.id, themeLabel: t.label, synthesis: started.get(t.id) ?? null }));
		},

		/** Opens the theme's synthesis, creating it empty on first visit (one per edition and theme). */
		open(viewer: Viewer | null, editionId: string, themeId: string): string {
			const { viewer: editor } = deps.editorial.editor(viewer, editionId);
			const theme = repo.theme(editionId, themeId);
			if (!theme) throw new AppError('not_found', 'error.theme.notFound');
			const existing = repo.synthesisFor(editionId, themeId);
			if (existing) return existing.id;
			const id = newId();
			repo.insertSynthesis({ id, edition_id: editionId, theme_id: themeId, title: theme.label, markdown: '', created_at: now(), updated_at: now(), updated_by: editor.id, live_at: now() });
			return id;
		},

		get(viewer: Viewer | null, id: string, locale: CreditLocale = 'fr'): SynthesisView {
			return view(synthesisOf(viewer, id).row, locale);
		},

		/** The title; a `markdown` field (pages without script, tools, the demo) replaces the live text, history keeping the old one. */
		save(viewer: Viewer | null, id: string, raw: unknown): void {
			const { row, viewer: editor } = synthesisOf(viewer, id);
			const input = parseInput(synthesisSchema, raw);
			const replaces = typeof raw === 'object' && raw !== null && 'markdown' in raw;
			if (replaces) {
				ensureLive(row);
				deps.documents.replaceContent(row.id, markdownDocument(input.markdown), editor.id);
			}
			repo.updateSynthesis(row.id, input.title, replaces ? input.markdown : row.markdown, editor.id, now());
		},

		/** The synthesis' room: its editors write; anyone else is told it does not exist (as the pages do). */
		roomAccess(viewer: Viewer | null, id: string): 'write' {
			const row = repo.synthesis(id);
			if (!row) throw new AppError('not_found', 'error.proceedings.synthesisNotFound');
			try {
				deps.editorial.editor(viewer, row.edition_id);
			} catch {
				throw new AppError('not_found', 'error.proceedings.synthesisNotFound');
			}
			ensureLive(row);
			return 'write';
		},

		/** Who wrote in the synthesis: its recorded editors and every author of its live document's history. */
		editors(id: string): string[] {
			const { versions, unsavedAuthorIds } = deps.documents.history(id);
			return [...new Set([...repo.editors(id), ...versions.flatMap((v) => v.authorIds), ...unsavedAuthorIds])].sort();
		},

		/** The edition's published deliverables of the synthesis' theme, cut into citable sections; `filter` matches title or text. */
		sources(viewer: Viewer | null, id: string, filter = ''): CitableDeliverable[] {
			const { row } = synthesisOf(viewer, id);
			const needle = filter.trim().toLowerCase();
			return deps.deliverables
				.listPublished({ editionId: row.edition_id })
				.filter((d) => d.status === 'published' && d.themes.some((t) => t.id === row.theme_id))
				.map((d) => {
					const full = deps.deliverables.getPublished(d.id);
					return { id: d.id, title: full.title, workshopTitle: full.workshopTitle, version: full.version, sections: sourceSections(full.markdown, full.title) };
				})
				.filter((d) => needle === '' || `${d.title} ${d.workshopTitle} ${d.sections.map((s) => `${s.heading} ${s.text}`).join(' ')}`.toLowerCase().includes(needle));
		},

		/** Records the passage and appends its blockquote line to the text; the editor may move the line afterwards. */
		cite(viewer: Viewer | null, id: string, raw: unknown): string {
			const { row, viewer: editor } = synthesisOf(viewer, id);
			const input = parseInput(citationSchema, raw);
			const source = deps.deliverables.getPublished(input.deliverableId, input.version);
			if (source.editionId !== row.edition_id) throw new AppError('not_found', 'error.deliverable.notFound');
			if (input.anchor !== '' && !sourceSections(source.markdown, source.title).some((s) => s.anchor === input.anchor)) {
				throw new AppError('invalid', 'error.proceedings.noSection', { anchor: 'invalid' });
			}
			const citationId = newId();
			repo.insertCitation(
				{ id: citationId, synthesis_id: row.id, deliverable_id: source.id, version: source.version, anchor: input.anchor, quoted_text: input.quotedText, created_at: now() },
				editor.id
			);
			// The citation's line goes at the end of the live document, where connected editors see it and may move it.
			ensureLive(row);
			deps.documents.appendContent(row.id, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: citeLine(citationId) }] }] }, editor.id);
			repo.addEditor(row.id, editor.id);
			return citationId;
		},

		/** « Mettre à jour »: the citation moves to the source's latest version, its anchor following the heading. */
		updateCitation(viewer: Viewer | null, citationId: string): void {
			const c = repo.citation(citationId);
			if (!c) throw new AppError('not_found', 'error.proceedings.citationNotFound');
			synthesisOf(viewer, c.synthesis_id);
			const latest = deps.deliverables.getPublished(c.deliverable_id);
			const sections = sourceSections(latest.markdown, latest.title);
			const anchor = moveAnchor(c.anchor, sections);
			// The quote stays when the new version still says it; otherwise it becomes the section's new text.
			const quote = containsQuote(latest.markdown, c.quoted_text) ? c.quoted_text : (sections.find((s) => s.anchor === anchor)?.text ?? c.quoted_text).slice(0, 4000);
			repo.moveCitation(c.id, latest.version, anchor, quote);
		},

		/** An « En savoir + » link on a workshop, a deliverable or a synthesis of the edition. */
		addLink(viewer: Viewer | null, editionId: string, raw: unknown): string {
			const { viewer: editor } = deps.editorial.editor(viewer, editionId);
			const input = parseInput(resourceLinkSchema, raw);
			if (!repo.targetInEdition(input.targetKind, input.targetId, editionId)) throw new AppError('invalid', 'error.proceedings.unknownTarget', { targetId: 'invalid' });
			const id = newId();
			repo.insertLink(
				{ id, edition_id: editionId, target_kind: input.targetKind, target_id: input.targetId, title: input.title, url: input.url, kind: input.kind, licence: input.licence, created_at: now() },
				editor.id
			);
			return id;
		},

		removeLink(viewer: Viewer | null, linkId: string): void {
			const link = repo.link(linkId);
			if (!link) throw new AppError('not_found', 'error.proceedings.linkNotFound');
			deps.editorial.editor(viewer, link.edition_id);
			repo.deleteLink(linkId);
		},

		/** Links readers may see: the edition's own rules apply (archive pages of a published edition). */
		publicLinks: (editionId: string) => repo.links(editionId).map(linkView)
	};
}
export type SynthesesService = ReturnType<typeof createSynthesesService>;
