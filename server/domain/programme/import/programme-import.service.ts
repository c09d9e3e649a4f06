// Programme import use cases: read a file or URL into a draft, preview its changes, apply them in one transaction.
import { z } from 'zod';
import type { Db } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import { newId, newToken } from '../../../shared/ids';
import { normaliseThemeLabel, themeKey } from '../../../shared/themes';
import type { WorkshopFormat } from '../../../shared/vocabulary';
import type { AccessRules } from '../../editions/access';
import { createOutboxRepo } from '../../outbox/outbox.repo';
import type { Clock, Viewer } from '../../types';
import type { StructureRepo } from '../structure.repo';
import type { WorkshopsRepo } from '../workshops.repo';
import { isWorkshopFormat, suggestFormat } from './format-mapping';
import type { ImportRepo } from './import.repo';
import type { ImportedProgramme } from './normalised';
import { parseSchedule } from './parse-source';
import { planImport, speakersText, type PlannedChange } from './plan';

type Deps = {
	db: Db;
	clock: Clock;
	access: AccessRules;
	structure: StructureRepo;
	workshops: WorkshopsRepo;
	repo: ImportRepo;
	/** Reads a public URL (fetch-source.ts in production; tests may point it at a local server with the setting on). */
	fetchUrl: (url: string) => Promise<string>;
};
const DRAFT_TTL_MS = 24 * 3600_000;
const mappingSchema = z.record(z.string().max(100), z.string());

export type ImportSummary = { added: number; updated: number; cancelled: number; unchanged: number; rooms: number; tracks: number };

export function createProgrammeImport(deps: Deps) {
	const { db, access, repo } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const now = () => new Date(deps.clock()).toISOString();

	function loadDraft(editionId: string, draftId: string) {
		const row = repo.findDraft(editionId, draftId);
		if (!row) throw new AppError('not_found', 'error.import.previewGone');
		return JSON.parse(row.document) as ImportedProgramme;
	}

	function formatResolver(editionId: string, chosen: Record<string, string> = {}) {
		const remembered = repo.formatMappings(editionId);
		return (type: string): WorkshopFormat => {
			const picked = chosen[type];
			if (isWorkshopFormat(picked)) return picked;
			return remembered.get(type) ?? suggestFormat(type);
		};
	}

	function store(viewer: Viewer | null, editionId: string, programme: ImportedProgramme) {
		const id = newId();
		repo.deleteDraftsBefore(new Date(deps.clock() - DRAFT_TTL_MS).toISOString());
		repo.insertDraft({ id, edition_id: editionId, created_by: viewer?.id ?? null, created_at: now(), document: JSON.stringify(programme) });
		return id;
	}

	function ensureNamed(editionId: string, counts: ImportSummary) {
		const rooms = new Map(deps.structure.listRooms(editionId).map((r) => [r.name.toLowerCase(), r.id]));
		const tracks = new Map(deps.structure.listTracks(editionId).map((t) => [t.title.toLowerCase(), t.id]));
		const themes = new Map<string, string>();
		for (const t of deps.structure.listThemes(editionId)) for (const n of [t.label, ...(JSON.parse(t.aliases) as string[])]) themes.set(themeKey(n), t.id);
		const ensure = (map: Map<string, string>, name: string, create: (id: string) => void, count?: 'rooms' | 'tracks') => {
			if (name === '') return null;
			const found = map.get(name.toLowerCase());
			if (found) return found;
			const id = newId();
			create(id);
			map.set(name.toLowerCase(), id);
			if (count) counts[count]++;
			return id;
		};
		return {
			room: (name: string) => ensure(rooms, name, (id) => deps.structure.insertRoom({ id, edition_id: editionId, name, venue: '' }), 'rooms'),
			track: (name: string) => ensure(tracks, name, (id) => deps.structure.insertTrack({ id, edition_id: editionId, title: name, lead: '', description: '' }), 'tracks'),
			theme: (label: string) => {
				const found = themes.get(themeKey(label));
				if (found) return found;
				const id = newId();
				deps.structure.insertTheme({ id, edition_id: editionId, label: normaliseThemeLabel(label), aliases: '[]' });
				themes.set(themeKey(label), id);
				return id;
			}
		};
	}

	function write(editionId: string, programme: ImportedProgramme, changes: PlannedChange[], counts: ImportSummary) {
		const at = now();
		const named = ensureNamed(editionId, counts);
		for (const change of changes) {
			if (change.kind === 'cancelled') {
				repo.setCancelled(change.workshopId, at, at);
				outbox.record('workshop.changed', change.workshopId, { editionId });
				continue;
			}
			const { session, format } = change;
			const fields = { title: session.title, format, description: session.description, speakers: speakersText(session.speakers), starts_at: session.startsAt, ends_at: session.endsAt };
			const workshopId = change.kind === 'added' ? newId() : change.workshopId;
			if (change.kind === 'added') {
				deps.workshops.insert({ id: workshopId, edition_id: editionId, ...fields, track_id: named.track(session.track), room_id: named.room(session.room), status_override: null, join_code: newToken(), short_code: deps.workshops.unusedShortCode(), created_at: at, updated_at: at });
				if (session.themes?.length) deps.workshops.setThemes(workshopId, session.themes.map(named.theme));
			} else if (change.kind === 'updated') {
				// In place: the workshop keeps its id, join code, pads, chat, drive, deliverables and status override.
				const current = deps.workshops.findById(workshopId)!;
				deps.workshops.update({ id: workshopId, edition_id: editionId, ...fields, track_id: named.track(session.track), room_id: named.room(session.room), status_override: current.status_override, updated_at: at });
				if (change.fields.includes('restored')) repo.setCancelled(workshopId, null, at);
			}
			repo.upsertSource({ workshop_id: workshopId, edition_id: editionId, source_kind: programme.kind, source_key: session.key, source_ref: session.ref, schedule_version: programme.version, imported_at: at });
			if (change.kind !== 'unchanged') outbox.record('workshop.changed', workshopId, { editionId });
		}
		outbox.record('edition.changed', editionId);
	}

	return {
		/** Reads pasted or uploaded text into a draft; nothing is written to the programme yet. */
		prepare(viewer: Viewer | null, editionId: string, text: string): string {
			const { edition } = access.managed(viewer, editionId);
			return store(viewer, editionId, parseSchedule(text, edition.timezone));
		},

		async prepareFromUrl(viewer: Viewer | null, editionId: string, url: string): Promise<string> {
			const { edition } = access.managed(viewer, editionId);
			const text = await deps.fetchUrl(url);
			return store(viewer, editionId, parseSchedule(text, edition.timezone));
		},

		/** The changes applying the draft would make now, with the format each source type would get. */
		preview(viewer: Viewer | null, editionId: string, draftId: string) {
			const { edition } = access.managed(viewer, editionId);
			const programme = loadDraft(editionId, draftId);
			const remembered = repo.formatMappings(editionId);
			const resolve = formatResolver(editionId);
			const plan = planImport(programme.sessions, repo.listImported(editionId), resolve);
			const typeCounts = new Map<string, number>();
			for (const s of programme.sessions) typeCounts.set(s.type, (typeCounts.get(s.type) ?? 0) + 1);
			return {
				draftId,
				timezone: edition.timezone,
				source: { kind: programme.kind, version: programme.version, title: programme.title, sessions: programme.sessions.length },
				plan,
				types: [...typeCounts].map(([type, count]) => ({ type, count, format: resolve(type), remembered: remembered.has(type) })),
				report: programme.report
			};
		},

		/** All or nothing; `mapping` is the organiser's source type -> format choice, remembered for the next import. */
		apply(viewer: Viewer | null, editionId: string, draftId: string, rawMapping: unknown = {}): ImportSummary {
			access.managed(viewer, editionId);
			const programme = loadDraft(editionId, draftId);
			const mapping = mappingSchema.parse(rawMapping);
			for (const [type, format] of Object.entries(mapping)) if (!isWorkshopFormat(format)) throw new AppError('invalid', 'error.import.notAFormat', { mapping: 'invalidChoice' }, {}, { format, type });
			const counts: ImportSummary = { added: 0, updated: 0, cancelled: 0, unchanged: 0, rooms: 0, tracks: 0 };
			db.transaction(() => {
				const resolve = formatResolver(editionId, mapping);
				const plan = planImport(programme.sessions, repo.listImported(editionId), resolve);
				write(editionId, programme, plan.changes, counts);
				for (const kind of ['added', 'updated', 'cancelled', 'unchanged'] as const) counts[kind] = plan.counts[kind];
				for (const type of new Set(programme.sessions.map((s) => s.type))) repo.saveFormatMapping(editionId, type, resolve(type));
				repo.deleteDraft(draftId);
			})();
			return counts;
		}
	};
}
export type ProgrammeImport = ReturnType<typeof createProgrammeImport>;
