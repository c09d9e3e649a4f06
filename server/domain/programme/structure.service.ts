// Themes (with aliases), tracks and rooms of an edition, edited by its organisers.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { normaliseThemeLabel, themeKey } from '../../shared/themes';
import { roomSchema, themeSchema, trackSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { AccessRules } from '../editions/access';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock, Viewer } from '../types';
import type { StructureRepo } from './structure.repo';

function uniqueViolation<T>(field: string, run: () => T): T {
	try {
		return run();
	} catch (e) {
		if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('conflict', 'error.alreadyExists', { [field]: 'alreadyExists' });
		throw e;
	}
}

export function createStructureService(deps: { db: Db; clock: Clock; repo: StructureRepo; access: AccessRules }) {
	const { db, repo, access } = deps;
	const outbox = createOutboxRepo(db, deps.clock);
	const changed = (editionId: string) => outbox.record('edition.changed', editionId);

	function assertAliasesFree(editionId: string, label: string, aliases: string[], exceptId?: string) {
		const taken = new Map<string, string>();
		for (const t of repo.listThemes(editionId)) {
			if (t.id === exceptId) continue;
			for (const name of [t.label, ...(JSON.parse(t.aliases) as string[])]) taken.set(themeKey(name), t.label);
		}
		const clash = [label, ...aliases].find((name) => taken.has(themeKey(name)));
		if (clash) throw new AppError('conflict', 'error.theme.labelTaken', { label: 'alreadyExists' }, {}, { label: clash, theme: taken.get(themeKey(clash)) ?? '' });
	}

	return {
		addTheme(viewer: Viewer | null, editionId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(themeSchema, raw);
			const label = normaliseThemeLabel(input.label);
			const aliases = input.aliases.map(normaliseThemeLabel);
			return db.transaction(() => {
				assertAliasesFree(editionId, label, aliases);
				const id = newId();
				repo.insertTheme({ id, edition_id: editionId, label, aliases: JSON.stringify(aliases) });
				changed(editionId);
				return id;
			})();
		},
		updateTheme(viewer: Viewer | null, editionId: string, themeId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(themeSchema, raw);
			const label = normaliseThemeLabel(input.label);
			const aliases = input.aliases.map(normaliseThemeLabel);
			db.transaction(() => {
				assertAliasesFree(editionId, label, aliases, themeId);
				if (repo.updateTheme(editionId, themeId, label, JSON.stringify(aliases)) === 0) throw new AppError('not_found', 'error.theme.notFound');
				changed(editionId);
			})();
		},
		addTrack(viewer: Viewer | null, editionId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(trackSchema, raw);
			const id = newId();
			db.transaction(() => {
				uniqueViolation('title', () => repo.insertTrack({ id, edition_id: editionId, ...input }));
				changed(editionId);
			})();
			return id;
		},
		updateTrack(viewer: Viewer | null, editionId: string, trackId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(trackSchema, raw);
			db.transaction(() => {
				const n = uniqueViolation('title', () => repo.updateTrack(editionId, trackId, input.title, input.lead, input.description));
				if (n === 0) throw new AppError('not_found', 'error.track.notFound');
				changed(editionId);
			})();
		},
		addRoom(viewer: Viewer | null, editionId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(roomSchema, raw);
			const id = newId();
			db.transaction(() => {
				uniqueViolation('name', () => repo.insertRoom({ id, edition_id: editionId, ...input }));
				changed(editionId);
			})();
			return id;
		},
		updateRoom(viewer: Viewer | null, editionId: string, roomId: string, raw: unknown) {
			access.managed(viewer, editionId);
			const input = parseInput(roomSchema, raw);
			db.transaction(() => {
				const n = uniqueViolation('name', () => repo.updateRoom(editionId, roomId, input.name, input.venue));
				if (n === 0) throw new AppError('not_found', 'error.room.notFound');
				changed(editionId);
			})();
		},
		remove(viewer: Viewer | null, editionId: string, kind: 'themes' | 'tracks' | 'rooms', id: string) {
			access.managed(viewer, editionId);
			db.transaction(() => {
				if (repo.deleteItem(kind, editionId, id) === 0) throw new AppError('not_found', ({ themes: 'error.theme.notFound', tracks: 'error.track.notFound', rooms: 'error.room.notFound' } as const)[kind]);
				changed(editionId);
			})();
		}
	};
}
export type StructureService = ReturnType<typeof createStructureService>;
