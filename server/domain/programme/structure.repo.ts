// SQL for an edition's themes, tracks and rooms.
import { statementCache, type Db } from '../../db/open';

export type ThemeRow = { id: string; edition_id: string; label: string; aliases: string; position: number };
export type TrackRow = { id: string; edition_id: string; title: string; lead: string; description: string; position: number };
export type RoomRow = { id: string; edition_id: string; name: string; venue: string; position: number };

export function createStructureRepo(db: Db) {
	const prepare = statementCache(db);
	const nextPosition = (table: 'themes' | 'tracks' | 'rooms', editionId: string) =>
		(prepare(`SELECT coalesce(max(position), -1) + 1 FROM ${table} WHERE edition_id = ?`).pluck().get(editionId) as number);
	return {
		listThemes: (editionId: string) => prepare<[string], ThemeRow>('SELECT * FROM themes WHERE edition_id = ? ORDER BY position').all(editionId),
		listTracks: (editionId: string) => prepare<[string], TrackRow>('SELECT * FROM tracks WHERE edition_id = ? ORDER BY position').all(editionId),
		listRooms: (editionId: string) => prepare<[string], RoomRow>('SELECT * FROM rooms WHERE edition_id = ? ORDER BY position').all(editionId),
		insertTheme(row: Omit<ThemeRow, 'position'>) {
			prepare('INSERT INTO themes (id, edition_id, label, aliases, position) VALUES (?, ?, ?, ?, ?)').run(
				row.id, row.edition_id, row.label, row.aliases, nextPosition('themes', row.edition_id)
			);
		},
		updateTheme: (editionId: string, id: string, label: string, aliases: string) =>
			prepare('UPDATE themes SET label = ?, aliases = ? WHERE id = ? AND edition_id = ?').run(label, aliases, id, editionId).changes,
		insertTrack(row: Omit<TrackRow, 'position'>) {
			prepare('INSERT INTO tracks (id, edition_id, title, lead, description, position) VALUES (?, ?, ?, ?, ?, ?)').run(
				row.id, row.edition_id, row.title, row.lead, row.description, nextPosition('tracks', row.edition_id)
			);
		},
		updateTrack: (editionId: string, id: string, title: string, lead: string, description: string) =>
			prepare('UPDATE tracks SET title = ?, lead = ?, description = ? WHERE id = ? AND edition_id = ?').run(title, lead, description, id, editionId).changes,
		insertRoom(row: Omit<RoomRow, 'position'>) {
			prepare('INSERT INTO rooms (id, edition_id, name, venue, position) VALUES (?, ?, ?, ?, ?)').run(
				row.id, row.edition_id, row.name, row.venue, nextPosition('rooms', row.edition_id)
			);
		},
		updateRoom: (editionId: string, id: string, name: string, venue: string) =>
			prepare('UPDATE rooms SET name = ?, venue = ? WHERE id = ? AND edition_id = ?').run(name, venue, id, editionId).changes,
		/** Removes a theme, track or room of that edition; workshops keep existing without it. */
		deleteItem: (table: 'themes' | 'tracks' | 'rooms', editionId: string, id: string) =>
			prepare(`DELETE FROM ${table} WHERE id = ? AND edition_id = ?`).run(id, editionId).changes
	};
}
export type StructureRepo = ReturnType<typeof createStructureRepo>;
