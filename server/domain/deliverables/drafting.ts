// Drafting deliverables: facilitators turn a pad into a titled, licensed document, edit its metadata, delete unpublished drafts.
import { deliverableSchema, newDeliverableSchema, type DeliverableInput } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseInput } from '../../shared/validate';
import { licences } from '../../shared/vocabulary';
import type { Viewer } from '../types';
import type { DeliverablesContext } from './context';
import type { DeliverableRow } from './deliverables.repo';
import { licenceInfo } from './licence';

export function createDrafting({ deps, db, repo, outbox, now, inWorkshop, managed, changed }: DeliverablesContext) {
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
	return {
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

		/** Drafts that were never published can be deleted; anything published stays in history. */
		remove(viewer: Viewer | null, id: string) {
			const { row } = managed(viewer, id);
			if (repo.lastVersion(id) > 0) throw new AppError('conflict', 'error.deliverable.publishedNotDeleted');
			db.transaction(() => {
				repo.delete(id);
				outbox.record('deliverable.deleted', id, { editionId: row.edition_id, workshopId: row.workshop_id });
			})();
		},

		/** What the create and edit forms offer: the workshop's pads, the edition's themes and members, the licences. */
		formOptions(viewer: Viewer | null, workshopId: string) {
			const found = inWorkshop(viewer, workshopId);
			if (!found.canManage) throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'error.deliverable.facilitatorsOnly');
			return {
				pads: deps.pads.list(viewer, workshopId).filter((p) => p.deletedAt === null).map((p) => ({ id: p.id, title: p.title })),
				themes: repo.themesOfEdition(found.edition.id),
				members: repo
					.membersOfEdition(found.edition.id)
					.map((m) => ({ id: m.id, name: deps.credits.display(m.id, found.edition.id) }))
					.sort((a, b) => a.name.localeCompare(b.name, 'fr')),
				licences: licences.map(licenceInfo),
				editionLicence: licenceInfo(found.edition.licence)
			};
		}
	};
}
