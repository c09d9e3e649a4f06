// Lucia-style sessions: a random token in the cookie, only its SHA-256 stored, sliding expiry.
import type { Db } from '../../db/open';
import { hashToken } from '../../shared/crypto';
import { newToken } from '../../shared/ids';
import type { Clock, Viewer } from '../types';
import type { UserRow } from './users.repo';

const DAY = 24 * 60 * 60 * 1000;
/** Guests have no password to log back in with: their device cookie is their identity, so it lives as long as browsers allow. */
export const GUEST_SESSION_DAYS = 400;

export type AuthSession = { id: string; userId: string; expiresAt: number };
export type SessionValidation = { session: AuthSession; viewer: Viewer; fresh: boolean };

export function toViewer(u: UserRow): Viewer {
	return { id: u.id, username: u.username, displayName: u.display_name, isGuest: u.is_guest === 1, isAdmin: u.is_admin === 1 };
}

export function createSessionsService(deps: { db: Db; clock: Clock; sessionDays: number }) {
	const { db, clock } = deps;
	const lifetime = (isGuest: boolean) => (isGuest ? GUEST_SESSION_DAYS : deps.sessionDays) * DAY;
	const insert = db.prepare('INSERT INTO auth_sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)');
	const select = db.prepare<[string], UserRow & { session_id: string; expires_at: number }>(
		`SELECT users.*, auth_sessions.id AS session_id, auth_sessions.expires_at FROM auth_sessions
		 JOIN users ON users.id = auth_sessions.user_id WHERE auth_sessions.id = ?`
	);

	return {
		/** Returns the token to put in the cookie; it is never stored. */
		create(userId: string, isGuest: boolean): { token: string; session: AuthSession } {
			const token = newToken();
			const session = { id: hashToken(token), userId, expiresAt: clock() + lifetime(isGuest) };
			insert.run(session.id, userId, session.expiresAt, clock());
			return { token, session };
		},

		/** Looks the token up; extends it when past half its life (`fresh` tells the caller to re-set the cookie). */
		validate(token: string): SessionValidation | null {
			const id = hashToken(token);
			const row = select.get(id);
			if (!row) return null;
			const now = clock();
			if (now >= row.expires_at) {
				db.prepare('DELETE FROM auth_sessions WHERE id = ?').run(id);
				return null;
			}
			const isGuest = row.is_guest === 1;
			let expiresAt = row.expires_at;
			let fresh = false;
			if (expiresAt - now < lifetime(isGuest) / 2) {
				try {
					db.prepare('UPDATE auth_sessions SET expires_at = ? WHERE id = ?').run(now + lifetime(isGuest), id);
					expiresAt = now + lifetime(isGuest);
					fresh = true;
				} catch {
					// A full or read-only disk must not log anyone out: the session keeps its expiry and is renewed later.
				}
			}
			return { session: { id, userId: row.id, expiresAt }, viewer: toViewer(row), fresh };
		},

		invalidate: (sessionId: string) => void db.prepare('DELETE FROM auth_sessions WHERE id = ?').run(sessionId),
		invalidateAllOf: (userId: string) => void db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(userId),
		deleteExpired: () => db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ?').run(clock()).changes
	};
}
export type SessionsService = ReturnType<typeof createSessionsService>;
