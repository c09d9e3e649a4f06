// Reading deliverables: a workshop's list, the deliverable page, its frozen versions and what changed between two.
import { licenceInfo } from './licence';
import type { Viewer } from '../types';
import type { DeliverablesContext } from './context';
import type { CreditEntry, CreditLocale } from './credits';
import type { DeliverableSummary } from './deliverables.service';
import { createPublishedReader, diffVersionRows, sortCredits } from './published';
import { renderPadHtml, type PmNode } from '../pads/pad-html';

export function createReading({ deps, repo, inWorkshop, visibleTo, readable, creditEntries }: DeliverablesContext) {
	const published = createPublishedReader({ repo, access: deps.access, credits: deps.credits });
	return {
		listForWorkshop(viewer: Viewer | null, workshopId: string): DeliverableSummary[] {
			const rights = inWorkshop(viewer, workshopId);
			return repo
				.listByWorkshop(workshopId)
				.filter((r) => visibleTo(rights, r.status))
				.map((r) => ({ id: r.id, padId: r.pad_id, title: r.title, summary: r.summary, status: r.status, licence: r.licence, version: repo.lastVersion(r.id), updatedAt: r.updated_at }));
		},

		/** Everything the deliverable page shows; `preview` is the pad as it is now, `credits` who would be credited now. */
		get(viewer: Viewer | null, id: string, options: { locale?: CreditLocale } = {}) {
			const found = readable(viewer, id);
			const { row } = found;
			const locale = options.locale ?? 'fr';
			const canSeeWork = found.canReview;
			return {
				id: row.id,
				editionId: row.edition_id,
				workshopId: row.workshop_id,
				padId: row.pad_id,
				title: row.title,
				summary: row.summary,
				status: row.status,
				licence: licenceInfo(row.licence),
				createdAt: row.created_at,
				updatedAt: row.updated_at,
				themes: repo.themesOf(id),
				// People with an account are named by their credit choice for the edition; a free name stays as typed.
				helpers: repo.helpersOf(id).map((h) => ({ userId: h.user_id, name: h.user_id ? deps.credits.display(h.user_id, row.edition_id, locale) : (h.name ?? '') })),
				versions: repo.listVersions(id).map((v) => ({ version: v.version, title: v.title, publishedAt: v.published_at, withdrawnAt: v.withdrawn_at })),
				comments: canSeeWork
					? repo.commentsOf(id).map((c) => ({
							id: c.id,
							authorName: c.author_id ? deps.credits.display(c.author_id, row.edition_id, locale) : c.author_name,
							body: c.body,
							createdAt: c.created_at
						}))
					: [],
				preview: canSeeWork && row.pad_id ? renderPadHtml(deps.documents.currentContent(row.pad_id) as PmNode) : null,
				credits: canSeeWork ? sortCredits(deps.credits.resolveAll(creditEntries(row), row.edition_id, locale), locale) : [],
				canManage: found.canManage,
				canComment: viewer !== null && found.canReview && row.status === 'review',
				edition: found.edition,
				workshop: found.workshop
			};
		},

		/** A frozen version for the workshop's members, whether or not the edition is public yet. */
		version(viewer: Viewer | null, id: string, version: number, options: { locale?: CreditLocale } = {}) {
			const { row } = readable(viewer, id);
			const v = published.versionOf(id, version);
			const locale = options.locale ?? 'fr';
			return {
				version: v.version,
				title: v.title,
				summary: v.summary,
				licence: licenceInfo(v.licence),
				html: v.html,
				markdown: v.markdown,
				publishedAt: v.published_at,
				withdrawnAt: v.withdrawn_at,
				credits: sortCredits(deps.credits.resolveAll(JSON.parse(v.credits_json) as CreditEntry[], row.edition_id, locale), locale)
			};
		},

		/** What changed between two versions, for the workshop's members. */
		versionDiff(viewer: Viewer | null, id: string, from: number, to: number) {
			readable(viewer, id);
			return diffVersionRows(published.versionOf(id, from), published.versionOf(id, to));
		},

		listPublished: published.listPublished,
		getPublished: published.getPublished,
		diffVersions: published.diffVersions
	};
}
