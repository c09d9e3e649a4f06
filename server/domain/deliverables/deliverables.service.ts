// Deliverables: facilitators turn a pad into a titled, licensed document, open it for review, publish frozen versions, withdraw.
import type { LiveDocuments } from '../ports';
import type { Db } from '../../db/open';
import { deliverableCommentSchema, deliverableSchema, newDeliverableSchema, type DeliverableInput, type DeliverableStatus } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { licences } from '../../shared/vocabulary';
import type { AccessRules } from '../editions/access';
import { createOutboxRepo } from '../outbox/outbox.repo';
import { renderPadHtml, type PmNode } from '../pads/pad-html';
import { renderPadMarkdown } from '../pads/pad-markdown';
import type { PadsService } from '../pads/pads.service';
import type { WorkshopsService } from '../programme/workshops.service';
import type { Clock, Viewer } from '../types';
import type { CreditEntry, CreditLocale, CreditsService } from './credits';
import { createDeliverablesRepo, type DeliverableRow } from './deliverables.repo';
import { licenceInfo } from './licence';
import { createPublishedReader, diffVersionRows, sortCredits } from './published';

const deliverableFacts = (status: DeliverableStatus) => ({
	deliverableOut: status === 'published' || status === 'withdrawn',
	deliverableShared: status !== 'draft'
});

type Deps = { db: Db; clock: Clock; access: AccessRules; workshops: WorkshopsService; pads: PadsService; documents: LiveDocuments; credits: CreditsService };

export type DeliverableSummary = { id: string; padId: string | null; title: string; summary: string; status: DeliverableStatus; licence: string; version: number; updatedAt: string };

export function createDeliverablesService(deps: Deps) {
	const { db } = deps;
	const repo = createDeliverablesRepo(db);
	const outbox = createOutboxRepo(db, deps.clock);
	const published = createPublishedReader({ repo, access: deps.access, credits: deps.credits });
	const now = () => new Date(deps.clock()).toISOString();

	/** The workshop as the viewer sees it, and what the policy lets them do with its deliverables. */
	function inWorkshop(viewer: Viewer | null, workshopId: string) {
		const found = deps.workshops.get(viewer, workshopId);
		const rights = deps.workshops.rights(viewer, workshopId);
		return {
			...found,
			canManage: rights.can('curate', 'deliverable'),
			canReview: rights.can('write', 'deliverable', { deliverableShared: true }),
			canSee: (status: DeliverableStatus) => rights.can('read', 'deliverable', deliverableFacts(status))
		};
	}
	const visibleTo = (rights: { canSee: (status: DeliverableStatus) => boolean }, status: DeliverableStatus) => rights.canSee(status);

	function readable(viewer: Viewer | null, id: string) {
		const row = repo.findById(id);
		if (!row) throw new AppError('not_found', 'error.deliverable.notFound');
		const found = inWorkshop(viewer, row.workshop_id);
		if (!visibleTo(found, row.status)) throw new AppError('not_found', 'error.deliverable.notFound');
		return { row, ...found };
	}
	function managed(viewer: Viewer | null, id: string) {
		const found = readable(viewer, id);
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (!found.canManage) throw new AppError('forbidden', 'error.deliverable.facilitatorsOnly');
		return found;
	}

	/** Themes and helpers must belong to this edition: a form cannot attach another edition's people. */
	function assertReferences(editionId: string, input: DeliverableInput) {
		const fields: Record<string, string> = {};
		const themes = new Set(repo.themeIdsOfEdition(editionId));
		if (input.themeIds.some((t) => !themes.has(t))) fields.themeIds = 'invalidChoice';
		const members = new Set(repo.memberIdsOfEdition(editionId));
		if (input.helperIds.some((u) => !members.has(u))) fields.helperIds = 'invalidChoice';
		if (Object.keys(fields).length > 0) throw new AppError('invalid', 'error.unknownChoice', fields);
	}
	function writeLinks(id: string, input: DeliverableInput) {
		repo.setThemes(id, [...new Set(input.themeIds)]);
		const helpers = [
			...[...new Set(input.helperIds)].map((userId) => ({ id: newId(), userId, name: null })),
			...input.helperNames.map((name) => ({ id: newId(), userId: null, name }))
		];
		repo.setHelpers(id, helpers, now());
	}
	const changed = (row: Pick<DeliverableRow, 'id' | 'edition_id' | 'workshop_id'>) =>
		outbox.record('deliverable.changed', row.id, { editionId: row.edition_id, workshopId: row.workshop_id });

	/** Who is credited: everyone who wrote in the pad, the workshop's facilitators, and the helpers; each person once, in their first role. */
	function creditEntries(row: DeliverableRow): CreditEntry[] {
		const seen = new Set<string>();
		const entries: CreditEntry[] = [];
		const add = (userId: string, role: CreditEntry['role']) => {
			if (seen.has(userId)) return;
			seen.add(userId);
			entries.push({ userId, role });
		};
		if (row.pad_id) for (const id of repo.padAuthorIds(row.pad_id)) add(id, 'author');
		for (const id of repo.facilitatorIds(row.workshop_id)) add(id, 'facilitator');
		for (const h of repo.helpersOf(row.id)) {
			if (h.user_id) add(h.user_id, 'helper');
			else if (h.name) entries.push({ name: h.name, role: 'helper' });
		}
		return entries;
	}

	function setStatus(row: DeliverableRow, status: DeliverableStatus) {
		db.transaction(() => {
			repo.setStatus(row.id, status, now());
			changed(row);
		})();
	}

	return {
		/** A published deliverable made this drive file public: its readers must see the images it shows. */
		showsFile: (fileId: string) => repo.showsFile(fileId),

		create(viewer: Viewer | null, workshopId: string, raw: unknown): string {
			const found = inWorkshop(viewer, workshopId);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!found.canManage) throw new AppError('forbidden', 'error.deliverable.facilitatorsOnly');
			const input = parseInput(newDeliverableSchema, raw);
			const pad = deps.pads.list(viewer, workshopId).find((p) => p.id === input.padId && p.deletedAt === null);
			if (!pad) throw new AppError('invalid', 'error.deliverable.padNotInWorkshop', { padId: 'invalidChoice' });
			assertReferences(found.edition.id, input);
			const t = now();
			const row: DeliverableRow = {
				id: newId(),
				edition_id: found.edition.id,
				workshop_id: workshopId,
				pad_id: pad.id,
				title: input.title,
				summary: input.summary,
				licence: input.licence ?? found.edition.licence,
				status: 'draft',
				created_by: viewer.id,
				created_at: t,
				updated_at: t
			};
			db.transaction(() => {
				repo.insert(row);
				writeLinks(row.id, input);
				changed(row);
			})();
			return row.id;
		},

		/** Changes the metadata; published versions stay as they were until the next publication. */
		update(viewer: Viewer | null, id: string, raw: unknown) {
			const { row, edition } = managed(viewer, id);
			const input = parseInput(deliverableSchema, raw);
			assertReferences(edition.id, input);
			db.transaction(() => {
				repo.update({ id, title: input.title, summary: input.summary, licence: input.licence ?? edition.licence, updated_at: now() });
				writeLinks(id, input);
				changed(row);
			})();
		},

		/** Opens the review window: the workshop's participants see the draft and comment. A published one may go back for its next version. */
		submitForReview(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (row.status !== 'draft' && row.status !== 'published') throw new AppError('conflict', 'error.deliverable.cannotReview');
			setStatus(row, 'review');
		},

		/**
		 * Freezes the pad's content now as the next version, with its licence and credits; the pad stays editable.
		 * `publishedAt` (Unix ms) is for replaying a past event (the demo seed): pages never pass it.
		 */
		publish(viewer: Viewer | null, id: string, options: { publishedAt?: number } = {}): number {
			const { row } = managed(viewer, id);
			if (!row.pad_id) throw new AppError('conflict', 'error.deliverable.padGone');
			const padId = row.pad_id;
			// A pad version marks what was frozen; the content is read from the same state, in the same turn.
			const snapshotId = deps.documents.saveVersion(padId) ?? repo.latestPadSnapshot(padId);
			const content = deps.documents.currentContent(padId) as PmNode;
			const html = renderPadHtml(content);
			const markdown = renderPadMarkdown(content);
			return db.transaction(() => {
				const current = repo.findById(id)!;
				const version = repo.lastVersion(id) + 1;
				repo.insertVersion({
					deliverable_id: id,
					version,
					title: current.title,
					summary: current.summary,
					licence: current.licence,
					html,
					markdown,
					credits_json: JSON.stringify(creditEntries(current)),
					pad_snapshot_id: snapshotId,
					published_by: viewer!.id,
					published_at: options.publishedAt === undefined ? now() : new Date(options.publishedAt).toISOString(),
					withdrawn_at: null
				});
				repo.setStatus(id, 'published', now());
				changed(current);
				return version;
			})();
		},

		/** A withdrawn deliverable stays in history, every version marked withdrawn. */
		withdraw(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (row.status === 'withdrawn' || repo.lastVersion(id) === 0) throw new AppError('conflict', 'error.deliverable.withdrawPublishedOnly');
			db.transaction(() => {
				repo.setStatus(id, 'withdrawn', now());
				repo.markWithdrawn(id, now());
				changed(row);
			})();
		},

		/** Drafts that were never published can be deleted; anything published stays in history. */
		remove(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (repo.lastVersion(id) > 0) throw new AppError('conflict', 'error.deliverable.publishedNotDeleted');
			db.transaction(() => {
				repo.delete(id);
				outbox.record('deliverable.deleted', id, { editionId: row.edition_id, workshopId: row.workshop_id });
			})();
		},

		/** Review comments: the workshop's participants and facilitators, while the deliverable is in review. */
		comment(viewer: Viewer | null, id: string, raw: unknown): string {
			const { row, canReview } = readable(viewer, id);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!canReview) throw new AppError('forbidden', 'error.deliverable.participantsComment');
			if (row.status !== 'review') throw new AppError('conflict', 'error.deliverable.commentsDuringReview');
			const { body } = parseInput(deliverableCommentSchema, raw);
			const commentId = newId();
			repo.insertComment({ id: commentId, deliverable_id: id, author_id: viewer.id, body, created_at: now() });
			return commentId;
		},

		/** What the create and edit forms offer: the workshop's pads, the edition's themes and members, the licences. */
		formOptions(viewer: Viewer | null, workshopId: string) {
			const found = inWorkshop(viewer, workshopId);
			if (!found.canManage) throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'error.deliverable.facilitatorsOnly');
			return {
				pads: deps.pads.list(viewer, workshopId).filter((p) => p.deletedAt === null).map((p) => ({ id: p.id, title: p.title })),
				themes: repo.themesOfEdition(found.edition.id),
				members: repo.membersOfEdition(found.edition.id),
				licences: licences.map(licenceInfo),
				editionLicence: licenceInfo(found.edition.licence)
			};
		},

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
				helpers: repo.helpersOf(id).map((h) => ({ userId: h.user_id, name: h.name ?? h.display_name ?? '' })),
				versions: repo.listVersions(id).map((v) => ({ version: v.version, title: v.title, publishedAt: v.published_at, withdrawnAt: v.withdrawn_at })),
				comments: canSeeWork ? repo.commentsOf(id).map((c) => ({ id: c.id, authorName: c.author_name, body: c.body, createdAt: c.created_at })) : [],
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
export type DeliverablesService = ReturnType<typeof createDeliverablesService>;
