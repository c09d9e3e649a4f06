// Pads of a workshop: facilitators create, rename, delete (with undo); participants write in them.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { padSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { WorkshopsService } from '../programme/workshops.service';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock, Viewer } from '../types';
import { createPadsRepo, type PadRow } from './pads.repo';
import { defaultTemplateFor, markdownTemplateDocument, templateDocument, templateKeys } from './templates';
import type { PadView } from '../../shared/pad-views';

export type { PadView };

export type PadAccess = 'write' | 'read';

const toView = (p: PadRow): PadView => ({ id: p.id, workshopId: p.workshop_id, title: p.title, template: p.template, createdAt: p.created_at, deletedAt: p.deleted_at });

/** The Markdown template the workshop's edition set for a format (from its kit), if any. */
export type EditionTemplateLookup = (workshopId: string, format: string) => string | null;

export function createPadsService(deps: { db: Db; clock: Clock; workshops: WorkshopsService; editionTemplate?: EditionTemplateLookup }) {
	const repo = createPadsRepo(deps.db);
	const outbox = createOutboxRepo(deps.db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();

	function workshopOf(viewer: Viewer | null, workshopId: string) {
		const found = deps.workshops.get(viewer, workshopId);
		const canWrite = found.access.canFacilitate || found.isParticipant;
		return { ...found, canWrite };
	}

	function facilitated(viewer: Viewer | null, padId: string) {
		const pad = repo.findById(padId);
		if (!pad) throw new AppError('not_found', 'pad not found');
		const found = workshopOf(viewer, pad.workshop_id);
		if (!found.access.canFacilitate) throw new AppError('forbidden', 'only facilitators manage pads');
		return { pad, ...found };
	}

	function get(viewer: Viewer | null, padId: string) {
		const pad = repo.findById(padId);
		if (!pad) throw new AppError('not_found', 'pad not found');
		const found = workshopOf(viewer, pad.workshop_id);
		if (pad.deleted_at && !found.access.canFacilitate) throw new AppError('not_found', 'pad not found');
		return { pad: toView(pad), workshop: found.workshop, edition: found.edition, access: found.access, canWrite: found.canWrite && pad.deleted_at === null };
	}

	return {
		/** Pads of a workshop; facilitators also see deleted ones so they can undo. */
		list(viewer: Viewer | null, workshopId: string): PadView[] {
			const found = workshopOf(viewer, workshopId);
			return repo
				.listByWorkshop(workshopId)
				.filter((p) => p.deleted_at === null || found.access.canFacilitate)
				.map(toView);
		},

		get,

		/** Templates offered for a new pad: the built-in ones plus the edition's own; the workshop's format first. */
		templateChoices(viewer: Viewer | null, workshopId: string): { templates: string[]; defaultTemplate: string } {
			const { workshop } = workshopOf(viewer, workshopId);
			const own = deps.editionTemplate?.(workshopId, workshop.format) ? [workshop.format] : [];
			const templates = [...new Set([...templateKeys, ...own])];
			return { templates, defaultTemplate: own[0] ?? defaultTemplateFor(workshop.format) };
		},

		/** A new pad's first content: the edition's template for that key when its kit has one, else the built-in one. */
		templateDocument(padId: string, key: string) {
			const pad = repo.findById(padId);
			const own = pad ? deps.editionTemplate?.(pad.workshop_id, key) : null;
			return own ? markdownTemplateDocument(own) : templateDocument(key);
		},

		/**
		 * Who may open the pad's real-time room, and how (closed workshops stay readable by their readers);
		 * `canFacilitate` lets the caller apply the workshop's lock, which facilitators are not held to.
		 */
		roomAccess(viewer: Viewer | null, padId: string): { mode: PadAccess; canFacilitate: boolean } {
			const pad = repo.findById(padId);
			if (!pad) throw new AppError('not_found', 'pad not found');
			const { access, isParticipant, status } = deps.workshops.rights(viewer, pad.workshop_id);
			if (pad.deleted_at && !access.canFacilitate) throw new AppError('not_found', 'pad not found');
			const canFacilitate = access.canFacilitate;
			if ((canFacilitate || isParticipant) && pad.deleted_at === null) return { mode: 'write', canFacilitate };
			if (status === 'closed') return { mode: 'read', canFacilitate };
			throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'join the workshop to write in its pads');
		},

		create(viewer: Viewer | null, workshopId: string, raw: unknown): PadView {
			const found = workshopOf(viewer, workshopId);
			if (!found.access.canFacilitate) throw new AppError('forbidden', 'only facilitators create pads');
			const input = parseInput(padSchema, raw);
			const t = now();
			const row = { id: newId(), workshop_id: workshopId, title: input.title, template: input.template, created_by: viewer!.id, created_at: t, updated_at: t };
			deps.db.transaction(() => {
				repo.insert(row);
				outbox.record('pad.changed', row.id, { workshopId });
			})();
			return toView(repo.findById(row.id)!);
		},

		rename(viewer: Viewer | null, padId: string, raw: unknown) {
			const { pad } = facilitated(viewer, padId);
			const { title } = parseInput(padSchema.pick({ title: true }), raw);
			deps.db.transaction(() => {
				repo.rename(pad.id, title, now());
				outbox.record('pad.changed', pad.id, { workshopId: pad.workshop_id });
			})();
		},

		/** Deleting only hides the pad: its document and history stay, so the deletion can be undone. */
		remove(viewer: Viewer | null, padId: string) {
			const { pad } = facilitated(viewer, padId);
			deps.db.transaction(() => {
				repo.setDeleted(pad.id, now());
				outbox.record('pad.deleted', pad.id, { workshopId: pad.workshop_id });
			})();
		},

		restore(viewer: Viewer | null, padId: string) {
			const { pad } = facilitated(viewer, padId);
			deps.db.transaction(() => {
				repo.setDeleted(pad.id, null);
				outbox.record('pad.changed', pad.id, { workshopId: pad.workshop_id });
			})();
		}
	};
}
export type PadsService = ReturnType<typeof createPadsService>;
