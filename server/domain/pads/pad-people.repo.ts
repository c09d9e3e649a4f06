// SQL for who is named in which pad (personName nodes), so a change of credit choice finds the pads to rewrite.
import { statementCache, type Db } from '../../db/open';

export function createPadPeopleRepo(db: Db) {
	const prepare = statementCache(db);
	return {
		add(padId: string, userIds: Iterable<string>) {
			const insert = prepare<[string, string]>('INSERT OR IGNORE INTO pad_people (pad_id, user_id) SELECT ?, id FROM users WHERE id = ?');
			for (const userId of userIds) insert.run(padId, userId);
		},
		/** Pads of the edition naming the person (the edition's credit choice decides their name there). */
		padsInEdition: (userId: string, editionId: string) =>
			prepare<[string, string], string>(
				'SELECT pp.pad_id FROM pad_people pp JOIN pads p ON p.id = pp.pad_id JOIN workshops w ON w.id = p.workshop_id WHERE pp.user_id = ? AND w.edition_id = ?'
			)
				.pluck()
				.all(userId, editionId),
		/** Every pad naming the person, with its edition. */
		pads: (userId: string) =>
			prepare<[string], { padId: string; editionId: string }>(
				'SELECT pp.pad_id AS padId, w.edition_id AS editionId FROM pad_people pp JOIN pads p ON p.id = pp.pad_id JOIN workshops w ON w.id = p.workshop_id WHERE pp.user_id = ?'
			).all(userId),
		editionOfPad: (padId: string) =>
			prepare<[string], string>('SELECT w.edition_id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE p.id = ?')
				.pluck()
				.get(padId) ?? null
	};
}
export type PadPeopleRepo = ReturnType<typeof createPadPeopleRepo>;
