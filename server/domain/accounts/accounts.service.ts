// Sign-up, log-in, guests and their claim, password change: the rules around users.
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/open';
import type { QueryDb } from '../../db/query-db';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { changePasswordSchema, guestSchema, loginSchema, signupSchema } from '../../shared/schemas';
import { parseInput } from '../../shared/validate';
import type { Clock, Viewer } from '../types';
import { createGuestLimit } from './guest-limit';
import { createLoginThrottle } from './login-throttle';
import { createLoginThrottleRepo } from './login-throttle.repo';
import { toViewer } from './sessions.service';
import { createUsersRepo, type UserRow } from './users.repo';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane (~60 ms here). */
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
export const hashPassword = (password: string) => hash(password, argonOptions);

export function createAccountsService(deps: { db: Db; queryDb: QueryDb; clock: Clock }) {
	const repo = createUsersRepo(deps.db);
	const throttle = createLoginThrottle(createLoginThrottleRepo(deps.queryDb), deps.clock);
	const guestLimit = createGuestLimit(deps.clock);
	const now = () => new Date(deps.clock()).toISOString();
	// Verifying against a real hash when the user does not exist keeps response times alike.
	let dummyHash: Promise<string> | undefined;

	function requireUser(id: string): UserRow {
		const user = repo.findById(id);
		if (!user) throw new AppError('not_found', 'error.user.notFound');
		return user;
	}

	return {
		getViewer(id: string): Viewer | null {
			const u = repo.findById(id);
			return u ? toViewer(u) : null;
		},

		hasAccounts: () => repo.countAccounts() > 0,

		/** Display names by user id, for credits and history; erased or unknown people are left out. */
		displayNames(ids: Iterable<string>): Map<string, string> {
			const names = new Map<string, string>();
			for (const id of new Set(ids)) {
				const user = repo.findById(id);
				if (user) names.set(id, user.display_name);
			}
			return names;
		},

		/** Creates an account; the first account of an empty instance becomes its admin. With `guestId`, the guest becomes that account and keeps its contributions. */
		async signUp(raw: unknown, options: { guestId?: string } = {}): Promise<Viewer> {
			const input = parseInput(signupSchema, raw);
			if (repo.findByUsername(input.username)) throw new AppError('conflict', 'error.account.usernameTaken', { username: 'usernameTaken' });
			const passwordHash = await hashPassword(input.password);
			const guest = options.guestId ? repo.findById(options.guestId) : undefined;
			return deps.db.transaction(() => {
				if (repo.findByUsername(input.username)) throw new AppError('conflict', 'error.account.usernameTaken', { username: 'usernameTaken' });
				const isAdmin = repo.countAccounts() === 0 ? 1 : 0;
				const fields = { username: input.username, email: input.email, password_hash: passwordHash, display_name: input.displayName, is_admin: isAdmin };
				if (guest && guest.is_guest === 1) {
					repo.updateAccount(guest.id, fields);
					return toViewer(requireUser(guest.id));
				}
				const row: UserRow = { id: newId(), ...fields, is_guest: 0, created_at: now() };
				repo.insert(row);
				return toViewer(row);
			})();
		},

		/** Makes sure the account named by ADMIN_* exists, is admin and has that password. */
		async ensureAdmin(username: string, password: string): Promise<void> {
			const passwordHash = await hashPassword(password);
			const existing = repo.findByUsername(username);
			if (existing) {
				if (existing.password_hash && (await verify(existing.password_hash, password))) {
					deps.db.prepare('UPDATE users SET is_admin = 1 WHERE id = ?').run(existing.id);
					return;
				}
				repo.updateAccount(existing.id, { username, email: existing.email, password_hash: passwordHash, display_name: existing.display_name, is_admin: 1 });
				return;
			}
			repo.insert({ id: newId(), username, email: null, password_hash: passwordHash, display_name: username, is_guest: 0, is_admin: 1, created_at: now() });
		},

		async logIn(raw: unknown, deviceId: string): Promise<Viewer> {
			const input = parseInput(loginSchema, raw);
			const user = repo.findByUsername(input.username);
			const accountId = user?.is_guest === 0 ? user.id : null;
			const done = await throttle.begin(accountId, deviceId);
			let ok: boolean;
			try {
				dummyHash ??= hashPassword('not a real password, only for timing');
				ok = await verify(accountId && user?.password_hash ? user.password_hash : await dummyHash, input.password);
			} finally {
				done();
			}
			if (!ok || !accountId || !user) {
				await throttle.recordFailure(accountId, deviceId);
				throw new AppError('unauthenticated', 'error.account.wrongCredentials', { _: 'wrongCredentials' });
			}
			await throttle.recordSuccess(accountId, deviceId);
			return toViewer(user);
		},

		/** Checks the current password first; the caller must then end every session of the user. */
		async changePassword(viewer: Viewer, raw: unknown): Promise<void> {
			const input = parseInput(changePasswordSchema, raw);
			const user = requireUser(viewer.id);
			if (!user.password_hash || !(await verify(user.password_hash, input.currentPassword))) {
				throw new AppError('invalid', 'error.account.wrongCurrentPassword', { currentPassword: 'wrongPassword' });
			}
			repo.updatePasswordHash(user.id, await hashPassword(input.newPassword));
		},

		/** `origin`: the client and the join link a person uses (guests made by the server itself, e.g. the demo, have none). */
		createGuest(raw: unknown, origin?: { clientId: string; link: string }): Viewer {
			const input = parseInput(guestSchema, raw);
			if (origin) guestLimit.take(origin);
			const row: UserRow = {
				id: newId(),
				username: null,
				email: null,
				password_hash: null,
				display_name: input.displayName,
				is_guest: 1,
				is_admin: 0,
				created_at: now()
			};
			repo.insert(row);
			return toViewer(row);
		},

		renameGuest(viewer: Viewer, raw: unknown): Viewer {
			const input = parseInput(guestSchema, raw);
			repo.updateDisplayName(viewer.id, input.displayName);
			return { ...viewer, displayName: input.displayName };
		}
	};
}
export type AccountsService = ReturnType<typeof createAccountsService>;
