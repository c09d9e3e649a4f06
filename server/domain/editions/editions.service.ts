// Editions and their series: create, edit, publish, list what a viewer may see.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { editionArchiveSchema, editionSchema, editionSharingSchema, editionStatusSchema, type EditionInput } from '../../shared/schemas';
import { can } from '../access/policy';
import { editionFacts } from '../access/subject';
import { parseInput } from '../../shared/validate';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock, Viewer } from '../types';
import type { AccessRules } from './access';
import type { EditionRow, EditionsRepo } from './editions.repo';

export function createEditionsService(deps: { db: Db; clock: Clock; repo: EditionsRepo; access: AccessRules }) {
	const { db, repo, access } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();
	const seriesId = (title: string) => (title ? repo.findOrInsertSeries(title, newId(), now()) : null);
	/** The columns an organiser's form sets, on creation and on edit alike. */
	const editableFields = (input: EditionInput) => ({
		series_id: seriesId(input.seriesTitle),
		title: input.title,
		city: input.city,
		venue: input.venue,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		description: input.description,
		licence: input.licence,
		timezone: input.timeZone
	});

	return {
		get: (viewer: Viewer | null, id: string) => access.readable(viewer, id),

		listPublished: () => repo.listPublished(),

		/** Editions the viewer belongs to (drafts included); admins see every edition. */
		listOwn(viewer: Viewer | null): EditionRow[] {
			if (!viewer) return [];
			return viewer.isAdmin ? repo.listAll() : repo.listForUser(viewer.id);
		},

		create(viewer: Viewer | null, raw: unknown): EditionRow {
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (viewer.isGuest) throw new AppError('forbidden', 'error.edition.accountRequired');
			const input = parseInput(editionSchema, raw);
			return db.transaction(() => {
				const t = now();
				const row = {
					id: newId(),
					...editableFields(input),
					status: 'draft' as const,
					created_by: viewer.id,
					created_at: t,
					updated_at: t
				};
				repo.insert(row);
				repo.upsertMember(row.id, viewer.id, 'organiser', t);
				outbox.record('edition.changed', row.id);
				return repo.findById(row.id)!;
			})();
		},

		update(viewer: Viewer | null, id: string, raw: unknown): EditionRow {
			access.managed(viewer, id);
			const input = parseInput(editionSchema, raw);
			return db.transaction(() => {
				repo.update({ id, ...editableFields(input), updated_at: now() });
				outbox.record('edition.changed', id);
				return repo.findById(id)!;
			})();
		},

		/**
		 * Whether readers who are not in a workshop may read, once it has closed, its chat and its workspace (pads, their
		 * history and exports, drive): pages, real-time rooms and search alike. Both off by default.
		 */
		setSharing(viewer: Viewer | null, id: string, raw: unknown): EditionRow {
			access.managed(viewer, id);
			const sharing = parseInput(editionSharingSchema, raw);
			return db.transaction(() => {
				repo.updateSharing(id, sharing, now());
				outbox.record('edition.changed', id);
				return repo.findById(id)!;
			})();
		},

		setStatus(viewer: Viewer | null, id: string, raw: unknown): EditionRow {
			access.managed(viewer, id);
			const { status } = parseInput(editionStatusSchema, raw);
			if (repo.findById(id)?.archived_at) throw new AppError('conflict', 'error.edition.unarchiveFirst');
			return db.transaction(() => {
				repo.updateStatus(id, status, now());
				outbox.record('edition.changed', id, { status });
				return repo.findById(id)!;
			})();
		},

		/** Archives a published edition (read-only for everyone, still read as published) or brings it back: the organisers decide. */
		setArchived(viewer: Viewer | null, id: string, raw: unknown): EditionRow {
			const { edition, access: rights } = access.readable(viewer, id);
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			if (!can(rights.subject, 'publish', 'edition', editionFacts(edition))) throw new AppError('forbidden', 'error.edition.organisersOnly');
			const archive = parseInput(editionArchiveSchema, raw).archived === 'on';
			if (archive && edition.status !== 'published') throw new AppError('conflict', 'error.edition.archivePublishedOnly');
			if (archive === Boolean(edition.archived_at)) return edition;
			return db.transaction(() => {
				repo.updateArchived(id, archive ? now() : null, now());
				outbox.record('edition.changed', id, { archived: archive });
				return repo.findById(id)!;
			})();
		}
	};
}
export type EditionsService = ReturnType<typeof createEditionsService>;
