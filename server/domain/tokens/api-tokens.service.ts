// Personal access tokens for scripts: shown once, stored as SHA-256, revocable; they act as their owner.
import type { Db } from '../../db/open';
import { hashToken } from '../../shared/crypto';
import { AppError } from '../../shared/errors';
import { newId, newToken } from '../../shared/ids';
import { apiTokenSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import { toViewer } from '../accounts/sessions.service';
import type { UserRow } from '../accounts/users.repo';
import type { Clock, Viewer } from '../types';
import type { ApiTokenRow } from '../../shared/account-views';
import { can } from '../access/policy';
import { accountRole, ownData } from '../access/subject';

export type { ApiTokenRow };

/** Prefix so a leaked token is recognisable by secret scanners and people alike. */
export const TOKEN_PREFIX = 'mlpat_';

export function createApiTokensService(deps: { db: Db; clock: Clock }) {
	const { db } = deps;
	const now = () => new Date(deps.clock()).toISOString();
	/** The viewer, acting on their own tokens (account data: only ever one's own); guests have none. */
	function requireAccount(viewer: Viewer | null, action: 'read' | 'write'): Viewer {
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (viewer.isGuest) throw new AppError('forbidden', 'error.token.guest');
		if (!can(accountRole(viewer), action, 'accountData', ownData(viewer, viewer.id))) throw new AppError('forbidden', 'error.forbidden');
		return viewer;
	}
	return {
		list: (viewer: Viewer | null) =>
			db
				.prepare<[string], ApiTokenRow>('SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC')
				.all(requireAccount(viewer, 'read').id),

		create(viewer: Viewer | null, raw: unknown): { id: string; token: string } {
			const owner = requireAccount(viewer, 'write');
			const { name } = parseInput(apiTokenSchema, raw);
			const token = TOKEN_PREFIX + newToken();
			const id = newId();
			db.prepare('INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(id, owner.id, name, hashToken(token), now());
			return { id, token };
		},

		revoke(viewer: Viewer | null, id: string) {
			const owner = requireAccount(viewer, 'write');
			if (db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, owner.id).changes === 0) throw new AppError('not_found', 'error.token.notFound');
		},

		/** The viewer a Bearer token stands for, or null. */
		authenticate(token: string): Viewer | null {
			if (!token.startsWith(TOKEN_PREFIX)) return null;
			const hash = hashToken(token);
			const user = db
				.prepare<[string], UserRow>('SELECT users.* FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE token_hash = ?')
				.get(hash);
			if (!user) return null;
			db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?').run(now(), hash);
			return toViewer(user);
		}
	};
}
export type ApiTokensService = ReturnType<typeof createApiTokensService>;
