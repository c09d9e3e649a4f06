// An edition's proceedings: a draft (introduction, licence, free credits) and numbered frozen versions read by anyone.
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/validate';
import { proceedingsDraftSchema } from '../../shared/proceedings-schemas';
import {
	colophonOrder,
	type ColophonGroup,
	type ColophonRole,
	type LinkReport,
	type LinkStatus,
	type ProceedingsFigures,
	type ProceedingsView,
	type ResourceLinkView
} from '../../shared/proceedings-views';
import type { ArchiveService } from '../archive/archive.service';
import type { CreditEntry, CreditLocale, CreditsService } from '../deliverables/credits';
import { licenceInfo } from '../deliverables/licence';
import type { Clock, Viewer } from '../types';
import type { EditorialAccess } from './editorial-access';
import { editionLinks } from './edition-links';
import type { ProceedingsRepo } from './proceedings.repo';
import { citationHref, renderSynthesis } from './synthesis-render';
import { linkView, type SynthesesService } from './syntheses.service';

type PersonOrName = { userId: string } | { name: string };
export type ColophonEntry = PersonOrName & { role: ColophonRole };
type FrozenCitation = { id: string; deliverableId: string; deliverableTitle: string; version: number; anchor: string; quotedText: string };
type FrozenSynthesis = { id: string; themeLabel: string; title: string; markdown: string; citations: FrozenCitation[]; links: ResourceLinkView[] };
type FrozenDeliverable = { id: string; title: string; summary: string; workshopTitle: string; version: number };
/** What a version freezes; names are not in it, only ids, so the colophon and attributions follow today's choices. */
export type FrozenOutline = {
	editionTitle: string;
	introduction: string;
	syntheses: FrozenSynthesis[];
	tracks: { id: string | null; title: string; deliverables: FrozenDeliverable[] }[];
	figures: ProceedingsFigures;
	links: ResourceLinkView[];
};
export type ProceedingsOpenData = {
	proceedings: { version: number; publishedAt: string; licence: string }[];
	syntheses: { id: string; version: number; themeLabel: string; title: string; markdown: string }[];
	citations: { id: string; synthesisId: string; deliverableId: string; version: number; anchor: string; quotedText: string }[];
	resourceLinks: ResourceLinkView[];
};
export type ProceedingsDraft = { introduction: string; licence: string; names: Record<'texts' | 'photos' | 'illustrations' | 'design', string[]> };

const fromDeliverable: Record<string, ColophonRole> = { author: 'texts', facilitator: 'facilitation', helper: 'help' };

export function createProceedingsService(deps: {
	clock: Clock;
	repo: ProceedingsRepo;
	editorial: EditorialAccess;
	syntheses: SynthesesService;
	archive: Pick<ArchiveService, 'edition' | 'figures'>;
	credits: CreditsService;
	renderMarkdown: (markdown: string) => string;
	/** Whether external links answer (`link-check.ts`); injected so the app decides on private addresses. */
	checkLinks: (urls: string[]) => Promise<LinkStatus[]>;
}) {
	const { repo } = deps;
	const now = () => new Date(deps.clock()).toISOString();

	function draftOf(editionId: string, fallbackLicence: string): ProceedingsDraft {
		const row = repo.draft(editionId);
		const entries = row ? (JSON.parse(row.credits_json) as { name: string; role: keyof ProceedingsDraft['names'] }[]) : [];
		const names = { texts: [] as string[], photos: [] as string[], illustrations: [] as string[], design: [] as string[] };
		for (const e of entries) names[e.role]?.push(e.name);
		return { introduction: row?.introduction ?? '', licence: row?.licence ?? fallbackLicence, names };
	}

	/** Every contributor of the edition: deliverable credits of the versions shown, synthesis editors, free names. */
	function colophonEntries(deliverables: FrozenDeliverable[], synthesisIds: string[], draft: ProceedingsDraft): ColophonEntry[] {
		const seen = new Set<string>();
		const out: ColophonEntry[] = [];
		const add = (e: ColophonEntry) => {
			const key = `${e.role}:${'userId' in e ? `u:${e.userId}` : `n:${e.name}`}`;
			if (seen.has(key)) return;
			seen.add(key);
			out.push(e);
		};
		for (const d of deliverables) {
			for (const e of JSON.parse(repo.deliverableCredits(d.id, d.version)) as CreditEntry[]) add({ ...('userId' in e ? { userId: e.userId } : { name: e.name }), role: fromDeliverable[e.role] ?? 'texts' });
		}
		for (const id of synthesisIds) for (const userId of deps.syntheses.editors(id)) add({ userId, role: 'editing' });
		for (const [role, names] of Object.entries(draft.names)) for (const name of names) add({ name, role: role as ColophonRole });
		return out;
	}

	function freeze(editionId: string, draft: ProceedingsDraft): { outline: FrozenOutline; credits: ColophonEntry[] } {
		const archive = deps.archive.edition(editionId);
		const figures = deps.archive.figures(editionId, archive);
		const published = archive.deliverables.filter((d) => d.status === 'published');
		const frozenOf = (d: (typeof published)[number]): FrozenDeliverable => ({ id: d.id, title: d.title, summary: d.summary, workshopTitle: d.workshopTitle, version: d.version });
		const trackOf = new Map(archive.workshops.map((w) => [w.id, w.track?.id ?? null]));
		const tracks = [
			...archive.tracks.map((t) => ({ id: t.id as string | null, title: t.title, deliverables: published.filter((d) => trackOf.get(d.workshopId) === t.id).map(frozenOf) })),
			{ id: null, title: '', deliverables: published.filter((d) => !trackOf.get(d.workshopId)).map(frozenOf) }
		].filter((t) => t.deliverables.length > 0);
		const syntheses = repo
			.syntheses(editionId)
			.map((row) => deps.syntheses.view(row, 'fr'))
			.filter((s) => s.markdown.trim() !== '')
			.map((s) => ({
				id: s.id,
				themeLabel: s.themeLabel,
				title: s.title,
				markdown: s.markdown,
				// A citation whose line the editor deleted is not part of the text any more.
				citations: s.citations.filter((c) => s.markdown.includes(`[[cite:${c.id}]]`)).map((c) => ({ id: c.id, deliverableId: c.deliverableId, deliverableTitle: c.deliverableTitle, version: c.version, anchor: c.anchor, quotedText: c.quotedText })),
				links: s.links
			}));
		const outline: FrozenOutline = {
			editionTitle: archive.edition.title,
			introduction: draft.introduction,
			syntheses,
			tracks,
			figures: { workshops: figures.workshops, pads: figures.pads, deliverables: figures.deliverables, words: figures.words, files: figures.files, contributors: figures.contributors },
			links: repo.links(editionId).filter((l) => l.target_kind !== 'synthesis').map(linkView)
		};
		return { outline, credits: colophonEntries(tracks.flatMap((t) => t.deliverables), syntheses.map((s) => s.id), draft) };
	}

	function authorsOf(deliverableId: string, version: number, editionId: string, locale: CreditLocale) {
		const entries = (JSON.parse(repo.deliverableCredits(deliverableId, version)) as CreditEntry[]).filter((e) => e.role === 'author');
		return [...new Set(deps.credits.resolveAll(entries, editionId, locale).map((c) => c.display))].join(', ');
	}

	/** Named people alphabetically per role, anonymous contributors once at the end of their role. */
	function colophon(entries: ColophonEntry[], editionId: string, locale: CreditLocale): ColophonGroup[] {
		return colophonOrder
			.map((role) => {
				const resolved = deps.credits.resolveAll(
					entries.filter((e) => e.role === role).map((e) => ({ ...e, role: 'author' as const })),
					editionId,
					locale
				);
				const named = [...new Set(resolved.filter((c) => !c.anonymous).map((c) => c.display))].sort((a, b) => a.localeCompare(b, locale));
				const anonymous = resolved.find((c) => c.anonymous);
				return { role, names: anonymous ? [...named, anonymous.display] : named };
			})
			.filter((g) => g.names.length > 0);
	}

	function render(editionId: string, version: number, locale: CreditLocale): ProceedingsView {
		const row = Number.isInteger(version) ? repo.version(editionId, version) : undefined;
		if (!row) throw new AppError('not_found', 'error.version.notFound');
		const outline = JSON.parse(row.outline_json) as FrozenOutline;
		return {
			editionId,
			editionTitle: outline.editionTitle,
			version: row.version,
			publishedAt: row.published_at,
			licence: row.licence,
			licenceInfo: licenceInfo(row.licence),
			introductionHtml: outline.introduction.trim() ? deps.renderMarkdown(outline.introduction) : '',
			syntheses: outline.syntheses.map((s, i) => ({
				id: s.id,
				anchor: `synthese-${i + 1}`,
				themeLabel: s.themeLabel,
				title: s.title,
				links: s.links,
				html: renderSynthesis(
					s.markdown,
					s.citations.map((c) => ({ ...c, attribution: authorsOf(c.deliverableId, c.version, editionId, locale), href: citationHref(editionId, c.deliverableId, c.version, c.anchor) })),
					deps.renderMarkdown
				)
			})),
			tracks: outline.tracks.map((t) => ({
				...t,
				deliverables: t.deliverables.map((d) => ({ ...d, href: citationHref(editionId, d.id, d.version, ''), authors: authorsOf(d.id, d.version, editionId, locale) }))
			})),
			figures: outline.figures,
			links: outline.links,
			colophon: colophon(JSON.parse(row.credits_json) as ColophonEntry[], editionId, locale),
			versions: repo.versions(editionId)
		};
	}

	return {
		/** The composing page: the draft, the syntheses per theme and the versions so far. */
		draft(viewer: Viewer | null, editionId: string) {
			const { edition } = deps.editorial.editor(viewer, editionId);
			return { draft: draftOf(editionId, edition.licence), themes: deps.syntheses.listForEditor(viewer, editionId), versions: repo.versions(editionId), published: edition.status === 'published' };
		},

		saveDraft(viewer: Viewer | null, editionId: string, raw: unknown): void {
			deps.editorial.editor(viewer, editionId);
			const input = parseInput(proceedingsDraftSchema, raw);
			const credits = (['texts', 'photos', 'illustrations', 'design'] as const).flatMap((role) => input[role].map((name) => ({ name, role })));
			repo.saveDraft({ edition_id: editionId, introduction: input.introduction, licence: input.licence, credits_json: JSON.stringify(credits), updated_at: now() });
		},

		/** Freezes the outline as the next numbered version; the edition must be in the public archive already. */
		publish(viewer: Viewer | null, editionId: string): number {
			const { viewer: editor, edition } = deps.editorial.editor(viewer, editionId, 'publish');
			if (edition.status !== 'published') throw new AppError('conflict', 'error.proceedings.editionFirst');
			const draft = draftOf(editionId, edition.licence);
			const { outline, credits } = freeze(editionId, draft);
			const version = repo.lastVersion(editionId) + 1;
			repo.insertVersion({ edition_id: editionId, version, licence: draft.licence, outline_json: JSON.stringify(outline), credits_json: JSON.stringify(credits), published_at: now() }, editor.id);
			return version;
		},

		lastVersion: (editionId: string) => repo.lastVersion(editionId),

		/** Every external link the next version would publish, checked; the editor sees the report, nothing is blocked. */
		async checkLinks(viewer: Viewer | null, editionId: string): Promise<LinkReport[]> {
			const { edition } = deps.editorial.editor(viewer, editionId);
			const texts = [draftOf(editionId, edition.licence).introduction, ...repo.syntheses(editionId).map((row) => deps.syntheses.view(row, 'fr').markdown)];
			const links = editionLinks(
				repo.links(editionId).map((l) => ({ url: l.url, title: l.title })),
				texts,
				deps.renderMarkdown
			);
			const statuses = await deps.checkLinks(links.map((l) => l.url));
			return links.map((l, i) => ({ ...statuses[i]!, title: l.title || l.url }));
		},

		/** A published version (the latest unless one is asked for), for anyone who may read the edition. */
		read(viewer: Viewer | null, editionId: string, version?: number, locale: CreditLocale = 'fr'): ProceedingsView {
			deps.editorial.reader(viewer, editionId);
			return render(editionId, version ?? repo.lastVersion(editionId), locale);
		},

		/** The open data's proceedings part: versions, and the syntheses, citations and links of the latest one (nothing unpublished). */
		openData(editionId: string): ProceedingsOpenData {
			const versions = repo.versions(editionId);
			const last = versions.at(-1);
			if (!last) return { proceedings: [], syntheses: [], citations: [], resourceLinks: [] };
			const outline = JSON.parse(repo.version(editionId, last.version)!.outline_json) as FrozenOutline;
			return {
				proceedings: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, licence: repo.version(editionId, v.version)!.licence })),
				syntheses: outline.syntheses.map((x) => ({ id: x.id, version: last.version, themeLabel: x.themeLabel, title: x.title, markdown: x.markdown })),
				citations: outline.syntheses.flatMap((x) =>
					x.citations.map((c) => ({ id: c.id, synthesisId: x.id, deliverableId: c.deliverableId, version: c.version, anchor: c.anchor, quotedText: c.quotedText }))
				),
				resourceLinks: [...outline.links, ...outline.syntheses.flatMap((x) => x.links)]
			};
		}
	};
}
export type ProceedingsService = ReturnType<typeof createProceedingsService>;
