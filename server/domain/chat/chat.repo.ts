// SQL for the workshop chat: the archive of messages moved out of the live document, and the moderation log.
import type { Db } from '../../db/open';

export type ArchiveRow = { id: number; message_id: string; entry: string };
export type ModerationRow = { message_id: string; message: string; hidden_by_id: string; hidden_by_name: string; hidden_at: number };

export function createChatRepo(db: Db) {
	return {
		insertArchived(workshopId: string, messageId: string, entryJson: string, at: number) {
			db.prepare('INSERT OR IGNORE INTO chat_archive (workshop_id, message_id, entry, archived_at) VALUES (?, ?, ?, ?)').run(workshopId, messageId, entryJson, at);
		},
		findArchived: (workshopId: string, messageId: string) =>
			db.prepare<[string, string], ArchiveRow>('SELECT id, message_id, entry FROM chat_archive WHERE workshop_id = ? AND message_id = ?').get(workshopId, messageId),
		updateArchived(workshopId: string, messageId: string, entryJson: string) {
			db.prepare('UPDATE chat_archive SET entry = ? WHERE workshop_id = ? AND message_id = ?').run(entryJson, workshopId, messageId);
		},
		/** Newest first, strictly older than the cursor (an archive id) when one is given. */
		archivePage: (workshopId: string, before: number | null, limit: number) =>
			db
				.prepare<[string, number, number], ArchiveRow>('SELECT id, message_id, entry FROM chat_archive WHERE workshop_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
				.all(workshopId, before ?? Number.MAX_SAFE_INTEGER, limit),
		countArchived: (workshopId: string) => db.prepare('SELECT count(*) FROM chat_archive WHERE workshop_id = ?').pluck().get(workshopId) as number,

		insertModeration(workshopId: string, row: ModerationRow) {
			db.prepare('INSERT INTO chat_moderation (workshop_id, message_id, message, hidden_by_id, hidden_by_name, hidden_at) VALUES (?, ?, ?, ?, ?, ?)').run(
				workshopId,
				row.message_id,
				row.message,
				row.hidden_by_id,
				row.hidden_by_name,
				row.hidden_at
			);
		},
		findModeration: (workshopId: string, messageId: string) =>
			db
				.prepare<[string, string], ModerationRow>('SELECT message_id, message, hidden_by_id, hidden_by_name, hidden_at FROM chat_moderation WHERE workshop_id = ? AND message_id = ?')
				.get(workshopId, messageId),
		deleteModeration(workshopId: string, messageId: string) {
			db.prepare('DELETE FROM chat_moderation WHERE workshop_id = ? AND message_id = ?').run(workshopId, messageId);
		},
		/** The person's name beside what they wrote or hid in this workshop's archive and moderation log (their choice changed). */
		renamePerson(workshopId: string, userId: string, name: string) {
			db.prepare(
				`UPDATE chat_archive SET entry = json_set(entry, '$.authorName', ?) WHERE workshop_id = ? AND json_extract(entry, '$.authorId') = ?`
			).run(name, workshopId, userId);
			db.prepare(
				`UPDATE chat_archive SET entry = json_set(entry, '$.hidden.byName', ?) WHERE workshop_id = ? AND json_extract(entry, '$.hidden.byId') = ?`
			).run(name, workshopId, userId);
			db.prepare(
				`UPDATE chat_moderation SET message = json_set(message, '$.authorName', ?) WHERE workshop_id = ? AND json_extract(message, '$.authorId') = ?`
			).run(name, workshopId, userId);
			db.prepare('UPDATE chat_moderation SET hidden_by_name = ? WHERE workshop_id = ? AND hidden_by_id = ?').run(name, workshopId, userId);
		},
		listModeration: (workshopId: string) =>
			db
				.prepare<[string], ModerationRow>('SELECT message_id, message, hidden_by_id, hidden_by_name, hidden_at FROM chat_moderation WHERE workshop_id = ? ORDER BY hidden_at')
				.all(workshopId)
	};
}
export type ChatRepo = ReturnType<typeof createChatRepo>;
