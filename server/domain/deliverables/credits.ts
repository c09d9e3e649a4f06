// How each person is credited in an edition (name, pseudonym or « contributeur anonyme »), resolved when credits are read.
import type { Db } from '../../db/open';
import { creditChoiceSchema, type CreditMode, type CreditRole } from '../../shared/deliverable-schemas';
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/validate';
import type { AccessRules } from '../editions/access';
import type { Clock, Viewer } from '../types';
import type { Credit } from '../../shared/deliverable-views';

export type CreditChoice = { mode: CreditMode; pseudonym: string | null };
/** What a frozen version stores: people by id (their name is looked up at read time), or a free name. */
export type CreditEntry = { userId: string; role: CreditRole } | { name: string; role: CreditRole };
export type { Credit };
export type CreditLocale = 'fr' | 'en';

/**
 * The label for anonymous contributors (and for people who asked for erasure). Server code cannot reach the
 * message catalogue, so the two labels live here; pages may prefer `Credit.anonymous` and their own catalogue.
 */
export const anonymousLabel: Record<CreditLocale, string> = { fr: 'contributeur anonyme', en: 'anonymous contributor' };
const byName: CreditChoice = { mode: 'name', pseudonym: null };

export function createCreditsService(deps: { db: Db; clock: Clock; access: AccessRules }) {
	const { db } = deps;
	const findChoice = db.prepare<[string, string], CreditChoice>('SELECT mode, pseudonym FROM credit_choices WHERE user_id = ? AND edition_id = ?');
	const findName = db.prepare<[string], string>('SELECT display_name FROM users WHERE id = ?').pluck();

	/** No choice made means « by name ». */
	const choice = (userId: string, editionId: string): CreditChoice => findChoice.get(userId, editionId) ?? byName;

	function resolve(userId: string, editionId: string, locale: CreditLocale): { display: string; anonymous: boolean } {
		const name = findName.get(userId);
		const chosen = choice(userId, editionId);
		// An erased account leaves its contributions credited anonymously.
		if (name === undefined || chosen.mode === 'anonymous') return { display: anonymousLabel[locale], anonymous: true };
		return { display: chosen.mode === 'pseudonym' && chosen.pseudonym ? chosen.pseudonym : name, anonymous: false };
	}

	return {
		choice,

		/** Anyone who can read the edition may say how they want to be credited in it; changeable at any time. */
		setChoice(viewer: Viewer | null, editionId: string, raw: unknown): CreditChoice {
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			deps.access.readable(viewer, editionId);
			const input = parseInput(creditChoiceSchema, raw);
			db.prepare(
				`INSERT INTO credit_choices (user_id, edition_id, mode, pseudonym, updated_at) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT(user_id, edition_id) DO UPDATE SET mode = excluded.mode, pseudonym = excluded.pseudonym, updated_at = excluded.updated_at`
			).run(viewer.id, editionId, input.mode, input.pseudonym, new Date(deps.clock()).toISOString());
			return input;
		},

		/** 'Alice Martin', 'alice_m' or anonymousLabel[locale], following the person's current choice. */
		display: (userId: string, editionId: string, locale: CreditLocale = 'fr'): string => resolve(userId, editionId, locale).display,

		/**
		 * How the viewer is shown to the others in the edition's live rooms (their caret, their presence): by their own
		 * choice for it. Only for an edition they may read.
		 */
		shownAs(viewer: Viewer, editionId: string): string {
			deps.access.readable(viewer, editionId);
			return resolve(viewer.id, editionId, 'fr').display;
		},

		/** Stored credit entries as readers see them today. */
		resolveAll(entries: CreditEntry[], editionId: string, locale: CreditLocale = 'fr'): Credit[] {
			return entries.map((e) =>
				'userId' in e ? { ...resolve(e.userId, editionId, locale), role: e.role } : { display: e.name, role: e.role, anonymous: false }
			);
		},

		/** The editions a person belongs to, with their choice in each (the account page). */
		listMine(viewer: Viewer | null) {
			if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
			return db
				.prepare<[string, string], { editionId: string; title: string; startsOn: string; mode: CreditMode | null; pseudonym: string | null }>(
					`SELECT e.id AS editionId, e.title, e.starts_on AS startsOn, c.mode, c.pseudonym FROM edition_members m
					 JOIN editions e ON e.id = m.edition_id LEFT JOIN credit_choices c ON c.edition_id = e.id AND c.user_id = ?
					 WHERE m.user_id = ? ORDER BY e.starts_on DESC`
				)
				.all(viewer.id, viewer.id)
				.map((r) => ({ editionId: r.editionId, title: r.title, startsOn: r.startsOn, choice: r.mode ? { mode: r.mode, pseudonym: r.pseudonym } : byName }));
		}
	};
}
export type CreditsService = ReturnType<typeof createCreditsService>;
