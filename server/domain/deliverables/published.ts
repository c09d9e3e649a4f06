// The public side of deliverables: frozen versions of published editions, their credits as chosen today, and what changed.
import { diffWordsWithSpace } from 'diff';
import { AppError } from '../../shared/errors';
import type { AccessRules } from '../editions/access';
import type { CreditEntry, CreditLocale, CreditsService, Credit } from './credits';
import type { DeliverableRow, DeliverablesRepo, VersionRow } from './deliverables.repo';
import { licenceInfo } from './licence';
import type { DiffPart, PublicStatus, PublishedDeliverable, PublishedSummary, VersionDiff, VersionListItem } from '../../shared/deliverable-views';

export type { DiffPart, PublicStatus, PublishedDeliverable, PublishedSummary, VersionDiff, VersionListItem };

const roleOrder = { author: 0, facilitator: 1, helper: 2 } as const;

/** Authors first, then facilitators and helpers; named people alphabetically, anonymous ones last in their group. */
export function sortCredits(credits: Credit[], locale: CreditLocale): Credit[] {
	return [...credits].sort(
		(a, b) => roleOrder[a.role] - roleOrder[b.role] || Number(a.anonymous) - Number(b.anonymous) || a.display.localeCompare(b.display, locale)
	);
}

export const publicStatus = (row: Pick<DeliverableRow, 'status'>): PublicStatus => (row.status === 'withdrawn' ? 'withdrawn' : 'published');

/** Diffs two frozen versions' Markdown word by word, keeping spaces and line breaks so the result reads as text. */
export function diffVersionRows(a: VersionRow, b: VersionRow): VersionDiff {
	const parts: DiffPart[] = diffWordsWithSpace(a.markdown, b.markdown).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
	return {
		from: a.version,
		to: b.version,
		changed: { title: a.title !== b.title, summary: a.summary !== b.summary, licence: a.licence !== b.licence, content: a.markdown !== b.markdown },
		title: { from: a.title, to: b.title },
		summary: { from: a.summary, to: b.summary },
		licence: { from: a.licence, to: b.licence },
		parts
	};
}

export function createPublishedReader(deps: { repo: DeliverablesRepo; access: AccessRules; credits: CreditsService }) {
	const { repo } = deps;

	/** Only deliverables of editions anyone may read, and only once a version exists. */
	function publicRow(id: string): DeliverableRow {
		const row = repo.findById(id);
		if (!row || repo.lastVersion(id) === 0) throw new AppError('not_found', 'error.deliverable.notFound');
		deps.access.readable(null, row.edition_id);
		return row;
	}

	function versionOf(id: string, version: number): VersionRow {
		const found = Number.isInteger(version) ? repo.findVersion(id, version) : undefined;
		if (!found) throw new AppError('not_found', 'error.version.notFound');
		return found;
	}

	return {
		listPublished(filter: { editionId?: string } = {}): PublishedSummary[] {
			return repo.listPublished(filter.editionId ?? null).map((r) => ({
				id: r.id,
				editionId: r.edition_id,
				workshopId: r.workshop_id,
				workshopTitle: r.workshop_title,
				title: r.version_title,
				summary: r.version_summary,
				themes: repo.themesOf(r.id),
				licence: r.version_licence,
				licenceInfo: licenceInfo(r.version_licence),
				version: r.version,
				publishedAt: r.published_at,
				status: publicStatus(r)
			}));
		},

		/** The latest version unless one is asked for; credits name people as they choose today. */
		getPublished(id: string, version?: number, options: { locale?: CreditLocale } = {}): PublishedDeliverable {
			const row = publicRow(id);
			const v = versionOf(id, version ?? repo.lastVersion(id));
			const locale = options.locale ?? 'fr';
			const workshopTitle = (repo.workshopTitle(row.workshop_id) as string | undefined) ?? '';
			return {
				id: row.id,
				editionId: row.edition_id,
				workshopId: row.workshop_id,
				workshopTitle,
				title: v.title,
				summary: v.summary,
				themes: repo.themesOf(id),
				licence: v.licence,
				licenceInfo: licenceInfo(v.licence),
				version: v.version,
				publishedAt: v.published_at,
				withdrawnAt: v.withdrawn_at,
				status: publicStatus(row),
				html: v.html,
				markdown: v.markdown,
				credits: sortCredits(deps.credits.resolveAll(JSON.parse(v.credits_json) as CreditEntry[], row.edition_id, locale), locale),
				versions: repo.listVersions(id).map((x) => ({ version: x.version, publishedAt: x.published_at, withdrawnAt: x.withdrawn_at }))
			};
		},

		diffVersions(id: string, from: number, to: number): VersionDiff {
			publicRow(id);
			return diffVersionRows(versionOf(id, from), versionOf(id, to));
		},

		versionOf
	};
}
