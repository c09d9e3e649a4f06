// Workshops: the programme read model, organiser edits, status, and joining by link, QR code or short code.
import { localDateTime, workshopStatus } from './workshop-status';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId, newToken } from '../../shared/ids';
import { normaliseShortCode } from '../../shared/join-code';
import { workshopSchema, type WorkshopInput } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { WorkshopStatus } from '../../shared/vocabulary';
import { can, type Action, type Resource, type Situation } from '../access/policy';
import { roleInWorkshop, workshopFacts } from '../access/subject';
import type { AccessRules } from '../editions/access';
import type { EditionRow, EditionsRepo } from '../editions/editions.repo';
import type { CreditsService } from '../deliverables/credits';
import type { MembersService } from '../editions/members.service';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock, Viewer } from '../types';
import type { StructureRepo } from './structure.repo';
import { buildProgramme, type ProgrammeFilters, type WorkshopView } from './programme-view';
import type { WorkshopRow, WorkshopsRepo } from './workshops.repo';

type Deps = {
	db: Db;
	clock: Clock;
	access: AccessRules;
	editions: EditionsRepo;
	structure: StructureRepo;
	workshops: WorkshopsRepo;
	members: MembersService;
	/** Facilitators are shown (programme, archive, static site) by their credit choice for the edition. */
	credits: Pick<CreditsService, 'display'>;
	/** Whether the workshop's pads are locked (closing delay passed, or a facilitator's lock): a policy fact. */
	padsLocked?: (workshopId: string) => boolean;
	/** Listed speakers who claimed their name: shown once, as the facilitator they became (speaker-claims.service.ts). */
	claimedSpeakers?: (editionId: string) => { workshop_id: string; speaker_name: string }[];
};

export function createWorkshopsService(deps: Deps) {
	const { db, access, structure, workshops } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();

	/** With `only`, the view of that one workshop: joining a room checks one workshop, not a whole programme. */
	function programmeOf(edition: EditionRow, filters: ProgrammeFilters = {}, only?: WorkshopRow) {
		const mine = <T extends { workshop_id: string }>(links: T[]) => (only ? links.filter((l) => l.workshop_id === only.id) : links);
		return buildProgramme(
			{
				edition,
				themes: structure.listThemes(edition.id),
				tracks: structure.listTracks(edition.id),
				rooms: structure.listRooms(edition.id),
				workshops: only ? [only] : workshops.listByEdition(edition.id),
				themeLinks: mine(workshops.themeLinks(edition.id)),
				facilitatorLinks: mine(workshops.facilitatorLinks(edition.id))
					.map((l) => ({ ...l, display_name: deps.credits.display(l.user_id, edition.id) }))
					.sort((a, b) => a.display_name.localeCompare(b.display_name, 'fr')),
				claimedSpeakers: mine(deps.claimedSpeakers?.(edition.id) ?? [])
			},
			deps.clock(),
			filters
		);
	}

	/** A join link's long code or a sign's short code, typed in any case. */
	function byCode(code: string): WorkshopRow {
		const short = normaliseShortCode(code);
		const row = short ? workshops.findByShortCode(short) : workshops.findByJoinCode(code);
		if (!row) throw new AppError('not_found', 'error.workshop.joinLinkInvalid');
		return row;
	}

	/** Every id in the input must belong to this edition: a form cannot attach another edition's room or people. */
	function assertReferences(editionId: string, input: WorkshopInput) {
		const fields: Record<string, string> = {};
		if (input.trackId && !structure.listTracks(editionId).some((t) => t.id === input.trackId)) fields.trackId = 'invalidChoice';
		if (input.roomId && !structure.listRooms(editionId).some((r) => r.id === input.roomId)) fields.roomId = 'invalidChoice';
		const themeIds = new Set(structure.listThemes(editionId).map((t) => t.id));
		if (input.themeIds.some((id) => !themeIds.has(id))) fields.themeIds = 'invalidChoice';
		const staff = new Set(deps.editions.listMembers(editionId).filter((m) => m.role !== 'participant').map((m) => m.user_id));
		if (input.facilitatorIds.some((id) => !staff.has(id))) fields.facilitatorIds = 'invalidChoice';
		if (Object.keys(fields).length > 0) throw new AppError('invalid', 'error.unknownChoice', fields);
	}

	function write(editionId: string, id: string, input: WorkshopInput) {
		return {
			id,
			edition_id: editionId,
			title: input.title,
			format: input.format,
			description: input.description,
			track_id: input.trackId,
			room_id: input.roomId,
			starts_at: input.startsAt,
			ends_at: input.endsAt,
			status_override: input.statusOverride,
			speakers: input.speakers,
			updated_at: now()
		};
	}

	function readableWorkshop(viewer: Viewer | null, workshopId: string) {
		const row = workshops.findById(workshopId);
		if (!row) throw new AppError('not_found', 'error.workshop.notFound');
		const { edition, access: rights } = access.readable(viewer, row.edition_id);
		return { row, edition, rights };
	}

	function addParticipant(row: WorkshopRow, viewer: Viewer) {
		db.transaction(() => {
			deps.members.ensureParticipant(row.edition_id, viewer.id);
			workshops.addParticipant(row.id, viewer.id, now());
		})();
		return { workshopId: row.id, editionId: row.edition_id };
	}

	function editable(viewer: Viewer | null, workshopId: string) {
		const row = workshops.findById(workshopId);
		if (!row) throw new AppError('not_found', 'error.workshop.notFound');
		access.managed(viewer, row.edition_id);
		const themeIds = workshops.themeLinks(row.edition_id).filter((l) => l.workshop_id === row.id).map((l) => l.theme_id);
		const facilitatorIds = workshops.facilitatorLinks(row.edition_id).filter((l) => l.workshop_id === row.id).map((l) => l.user_id);
		return { row, themeIds, facilitatorIds };
	}

	return {
		programme(viewer: Viewer | null, editionId: string, filters: ProgrammeFilters = {}) {
			const { edition, access: rights } = access.readable(viewer, editionId);
			return { ...programmeOf(edition, filters), access: rights };
		},

		get(viewer: Viewer | null, workshopId: string) {
			const { row, edition, rights } = readableWorkshop(viewer, workshopId);
			const workshop = programmeOf(edition, {}, row).workshops[0] as WorkshopView;
			return {
				edition,
				access: rights,
				workshop,
				joinCode: rights.canFacilitate ? row.join_code : null,
				shortCode: rights.canFacilitate ? row.short_code : null,
				statusOverride: rights.canFacilitate ? row.status_override : null,
				isParticipant: viewer ? workshops.isParticipant(row.id, viewer.id) : false,
				participantCount: workshops.countParticipants(row.id)
			};
		},

		/**
		 * Only what access decisions need (the real-time endpoint asks on every connection): the same rules as `get`,
		 * without building the workshop's programme view.
		 */
		rights(viewer: Viewer | null, workshopId: string) {
			const { row, edition, rights } = readableWorkshop(viewer, workshopId);
			const status = workshopStatus(row, localDateTime(deps.clock(), edition.timezone));
			const isParticipant = viewer ? workshops.isParticipant(row.id, viewer.id) : false;
			const role = roleInWorkshop(viewer, rights.role, isParticipant);
			const facts = workshopFacts(edition, status, deps.padsLocked?.(row.id) ?? false);
			return {
				edition,
				workshop: { id: row.id, title: row.title },
				access: rights,
				status,
				isParticipant,
				role,
				/** The policy's answer for this viewer in this workshop; `extra` adds facts about the one resource (a pad in the bin…). */
				can: (action: Action, resource: Resource, extra: Situation = {}) => can(role, action, resource, { ...facts, ...extra })
			};
		},

		/** The raw row for the organiser's edit form. */
		getForEdit: editable,

		create(viewer: Viewer | null, editionId: string, raw: unknown): string {
			access.managed(viewer, editionId);
			const input = parseInput(workshopSchema, raw);
			assertReferences(editionId, input);
			const id = newId();
			db.transaction(() => {
				workshops.insert({ ...write(editionId, id, input), join_code: newToken(), short_code: workshops.unusedShortCode(), created_at: now() });
				workshops.setThemes(id, input.themeIds);
				workshops.setFacilitators(id, input.facilitatorIds);
				outbox.record('workshop.changed', id, { editionId });
			})();
			return id;
		},

		update(viewer: Viewer | null, workshopId: string, raw: unknown) {
			const { row } = editable(viewer, workshopId);
			const input = parseInput(workshopSchema, raw);
			assertReferences(row.edition_id, input);
			db.transaction(() => {
				workshops.update(write(row.edition_id, row.id, input));
				workshops.setThemes(row.id, input.themeIds);
				workshops.setFacilitators(row.id, input.facilitatorIds);
				outbox.record('workshop.changed', row.id, { editionId: row.edition_id });
			})();
		},

		remove(viewer: Viewer | null, workshopId: string) {
			const { row } = editable(viewer, workshopId);
			db.transaction(() => {
				workshops.delete(row.edition_id, row.id);
				outbox.record('workshop.deleted', row.id, { editionId: row.edition_id });
			})();
			return row.edition_id;
		},

		/** Facilitators open or close their workshop by hand; null returns to the timetable. */
		setStatus(viewer: Viewer | null, workshopId: string, status: WorkshopStatus | null) {
			const { row, rights } = readableWorkshop(viewer, workshopId);
			if (!rights.canFacilitate) throw new AppError('forbidden', 'error.workshop.facilitatorsStatus');
			db.transaction(() => {
				db.prepare('UPDATE workshops SET status_override = ?, updated_at = ? WHERE id = ?').run(status, now(), row.id);
				outbox.record('workshop.changed', row.id, { editionId: row.edition_id });
			})();
		},

		/**
		 * What a join link or a sign's short code leads to; the code itself is the capability, so drafts can be joined
		 * too. `joined` tells a returning participant apart, who goes straight to the writing.
		 */
		peekJoin(code: string, viewer: Viewer | null = null) {
			const row = byCode(code);
			const edition = deps.editions.findById(row.edition_id)!;
			return {
				workshop: { id: row.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, status: workshopStatus(row, localDateTime(deps.clock(), edition.timezone)) },
				edition: { id: edition.id, title: edition.title },
				joined: viewer ? workshops.isParticipant(row.id, viewer.id) : false
			};
		},

		join(viewer: Viewer, code: string): { workshopId: string; editionId: string } {
			return addParticipant(byCode(code), viewer);
		},

		/** Joining from the workshop page: whoever may read the workshop may take part in it. */
		joinReadable(viewer: Viewer, workshopId: string): { workshopId: string; editionId: string } {
			return addParticipant(readableWorkshop(viewer, workshopId).row, viewer);
		},

		/** A new join code invalidates printed signs and shared links (e.g. after a link leaked). */
		rotateJoinCode(viewer: Viewer | null, workshopId: string) {
			const { row, rights } = readableWorkshop(viewer, workshopId);
			if (!rights.canFacilitate) throw new AppError('forbidden', 'error.workshop.facilitatorsJoinLink');
			db.prepare('UPDATE workshops SET join_code = ?, short_code = ? WHERE id = ?').run(newToken(), workshops.unusedShortCode(), row.id);
		}
	};
}
export type WorkshopsService = ReturnType<typeof createWorkshopsService>;
