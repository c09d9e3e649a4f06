// SQL for writing on someone's behalf: who asked whom, in which pad, and whether they accepted (or were marked present).
import type { Db } from '../../db/open';

export type AssistedStatus = 'asked' | 'accepted' | 'declined' | 'ended';
export type AssistedConsent = 'device' | 'markedPresent';
export type AssistedRow = {
	id: string;
	pad_id: string;
	participant_id: string;
	helper_id: string;
	status: AssistedStatus;
	consent: AssistedConsent | null;
	created_at: number;
	answered_at: number | null;
	ended_at: number | null;
};
/** A session as the people in it see it: names as in the users table, the pad and workshop it is about. */
export type AssistedView = AssistedRow & { participant_name: string; helper_name: string; pad_title: string; workshop_id: string; edition_id: string };

const viewColumns = `s.*, p.display_name AS participant_name, h.display_name AS helper_name, pads.title AS pad_title, pads.workshop_id, w.edition_id
	FROM assisted_sessions s JOIN users p ON p.id = s.participant_id JOIN users h ON h.id = s.helper_id
	JOIN pads ON pads.id = s.pad_id JOIN workshops w ON w.id = pads.workshop_id`;

export function createAssistedSessionsRepo(db: Db) {
	return {
		insert(row: AssistedRow) {
			db.prepare(
				`INSERT INTO assisted_sessions (id, pad_id, participant_id, helper_id, status, consent, created_at, answered_at, ended_at)
				 VALUES (@id, @pad_id, @participant_id, @helper_id, @status, @consent, @created_at, @answered_at, @ended_at)`
			).run(row);
		},
		find: (id: string) => db.prepare<[string], AssistedView>(`SELECT ${viewColumns} WHERE s.id = ?`).get(id),
		/** Sessions not over (asked or accepted) of one pad. */
		openOfPad: (padId: string) => db.prepare<[string], AssistedView>(`SELECT ${viewColumns} WHERE s.pad_id = ? AND s.status IN ('asked', 'accepted') ORDER BY s.created_at`).all(padId),
		/** What a participant is asked, newest first. */
		askedOf: (participantId: string) =>
			db.prepare<[string], AssistedView>(`SELECT ${viewColumns} WHERE s.participant_id = ? AND s.status = 'asked' ORDER BY s.created_at DESC`).all(participantId),
		isAccepted: (padId: string, participantId: string, helperId: string) =>
			db
				.prepare("SELECT 1 FROM assisted_sessions WHERE pad_id = ? AND participant_id = ? AND helper_id = ? AND status = 'accepted'")
				.pluck()
				.get(padId, participantId, helperId) === 1,
		/** Ends the helper's other open sessions with the same person in the pad: one at a time. */
		endOpen(padId: string, participantId: string, helperId: string, at: number) {
			db.prepare("UPDATE assisted_sessions SET status = 'ended', ended_at = ? WHERE pad_id = ? AND participant_id = ? AND helper_id = ? AND status IN ('asked', 'accepted')").run(
				at,
				padId,
				participantId,
				helperId
			);
		},
		answer(id: string, status: 'accepted' | 'declined', consent: AssistedConsent | null, at: number): boolean {
			return db.prepare("UPDATE assisted_sessions SET status = ?, consent = ?, answered_at = ? WHERE id = ? AND status = 'asked'").run(status, consent, at, id).changes === 1;
		},
		end(id: string, at: number) {
			db.prepare("UPDATE assisted_sessions SET status = 'ended', ended_at = ? WHERE id = ? AND status IN ('asked', 'accepted')").run(at, id);
		},
		/** The workshop's participants and guests with an account row, by name. */
		participantsOf: (workshopId: string) =>
			db
				.prepare<[string], { id: string; name: string }>(
					'SELECT u.id, u.display_name AS name FROM workshop_participants wp JOIN users u ON u.id = wp.user_id WHERE wp.workshop_id = ? ORDER BY u.display_name'
				)
				.all(workshopId)
	};
}
export type AssistedSessionsRepo = ReturnType<typeof createAssistedSessionsRepo>;
