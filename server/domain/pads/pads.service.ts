// Pads of a workshop: facilitators create, rename, delete (with undo); participants write in them; the policy decides who.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { padSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { CreditsService } from '../deliverables/credits';
import type { WorkshopsService } from '../programme/workshops.service';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { LiveDocuments } from '../ports';
import type { Clock, Viewer } from '../types';
import { createPadContent, type PadRef } from './pad-content';
import { createPadsRepo, type PadRow } from './pads.repo';
import { defaultTemplateFor, markdownTemplateDocument, templateDocument, templateKeys } from './templates';
import type { PadView } from '../../shared/pad-views';

export type { PadView };

export type PadAccess = 'write' | 'read';

const toView = (p: PadRow): PadView => ({ id: p.id, workshopId: p.workshop_id, title: p.title, template: p.template, createdAt: p.created_at, deletedAt: p.deleted_at });

/** The Markdown template the workshop's edition set for a format (from its kit), if any. */
export type EditionTemplateLookup = (workshopId: string, format: string) => string | null;

type Deps = { db: Db; clock: Clock; workshops: WorkshopsService; documents: LiveDocuments; credits: CreditsService; editionTemplate?: EditionTemplateLookup };

export function createPadsService(deps: Deps) {
	const repo = createPadsRepo(deps.db);
	const outbox = createOutboxRepo(deps.db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();

	/**
	 * The pad with the viewer's rights on it, per the policy. Whoever may not read it (or reaches it through another
	 * workshop's or edition's URL) learns nothing: not_found, never forbidden.
	 */
	function readable(viewer: Viewer | null, ref: PadRef | string) {
		const { padId, workshopId, editionId } = typeof ref === 'string' ? { padId: ref } : ref;
		const pad = repo.findById(padId);
		if (!pad || (workshopId !== undefined && pad.workshop_id !== workshopId)) throw new AppError('not_found', 'error.pad.notFound');
		const rights = deps.workshops.rights(viewer, pad.workshop_id);
		const facts = { notDeleted: pad.deleted_at === null };
		if ((editionId !== undefined && rights.edition.id !== editionId) || !rights.can('read', 'padLive', facts)) throw new AppError('not_found', 'error.pad.notFound');
		return { pad, rights, canWrite: rights.can('write', 'padLive', facts), canFacilitate: rights.can('moderate', 'padLive') };
	}

	/** Whoever may not read the pad learns nothing (not_found); readers who may not manage it are refused. */
	function facilitated(viewer: Viewer | null, padId: string) {
		const { pad, canFacilitate } = readable(viewer, padId);
		if (!canFacilitate) throw new AppError('forbidden', 'error.pad.facilitatorsOnly');
		return { pad };
	}

	function get(viewer: Viewer | null, ref: PadRef | string) {
		const { pad, canWrite } = readable(viewer, ref);
		const found = deps.workshops.get(viewer, pad.workshop_id);
		return { pad: toView(pad), workshop: found.workshop, edition: found.edition, access: found.access, canWrite };
	}

	const service = {
		/** Pads of a workshop the viewer may read; facilitators also see deleted ones so they can undo. */
		list(viewer: Viewer | null, workshopId: string): PadView[] {
			const rights = deps.workshops.rights(viewer, workshopId);
			return repo
				.listByWorkshop(workshopId)
				.filter((p) => rights.can('read', 'padLive', { notDeleted: p.deleted_at === null }))
				.map(toView);
		},

		/** The workshop's pads as its pages show them; null for whoever may not read them (the workshop page hides its notes). */
		indexIfReadable(viewer: Viewer | null, workshopId: string) {
			const rights = deps.workshops.rights(viewer, workshopId);
			if (!rights.can('read', 'padLive', { notDeleted: true })) return null;
			return { pads: service.list(viewer, workshopId), canFacilitate: rights.can('moderate', 'padLive'), ...service.templateChoices(viewer, workshopId) };
		},

		/** The workshop's pads page: not_found for whoever may not read its pads. */
		index(viewer: Viewer | null, workshopId: string) {
			const index = service.indexIfReadable(viewer, workshopId);
			if (!index) throw new AppError('not_found', 'error.workshop.notFound');
			return index;
		},

		get,
		...createPadContent({ readable, documents: deps.documents, credits: deps.credits, clock: deps.clock }),

		/** Templates offered for a new pad: the built-in ones plus the edition's own; the workshop's format first. */
		templateChoices(viewer: Viewer | null, workshopId: string): { templates: string[]; defaultTemplate: string } {
			const { workshop } = deps.workshops.get(viewer, workshopId);
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

		/** How the viewer may open the pad's real-time room (the workshop's lock included); not_found when they may not read it. */
		roomAccess(viewer: Viewer | null, padId: string): { mode: PadAccess; canFacilitate: boolean } {
			const { canWrite, canFacilitate } = readable(viewer, padId);
			return { mode: canWrite ? 'write' : 'read', canFacilitate };
		},

		create(viewer: Viewer | null, workshopId: string, raw: unknown): PadView {
			if (!deps.workshops.rights(viewer, workshopId).can('moderate', 'padLive')) throw new AppError('forbidden', 'error.pad.facilitatorsOnly');
			const input = parseInput(padSchema, raw);
			const t = now();
			const row = { id: newId(), workshop_id: workshopId, title: input.title, template: input.template, created_by: viewer!.id, created_at: t, updated_at: t };
			deps.db.transaction(() => {
				repo.insert(row);
				outbox.record('pad.changed', row.id, { workshopId });
			})();
			return toView(repo.findById(row.id)!);
		},

		/** A new pad with its template's first content written in, credited to whoever created it. */
		async createWithTemplate(viewer: Viewer | null, workshopId: string, raw: unknown): Promise<PadView> {
			const pad = service.create(viewer, workshopId, raw);
			if (pad.template && pad.template !== 'blank') await deps.documents.applyTemplate(pad.id, pad.template, viewer!.id);
			return pad;
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
	return service;
}
export type PadsService = ReturnType<typeof createPadsService>;
