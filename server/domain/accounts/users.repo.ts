// SQL for users.
import type { Db } from '../../db/open';

export type UserRow = {
	id: string;
	username: string | null;
	email: string | null;
	password_hash: string | null;
	display_name: string;
	is_guest: number;
	is_admin: number;
	created_at: string;
};

export function createUsersRepo(db: Db) {
	const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
	const byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
	return {
		findById: (id: string) => byId.get(id),
		findByUsername: (username: string) => byUsername.get(username),
		countAccounts: () => db.prepare('SELECT count(*) FROM users WHERE is_guest = 0').pluck().get() as number,
		insert(row: UserRow) {
			db.prepare(
				`INSERT INTO users (id, username, email, password_hash, display_name, is_guest, is_admin, created_at)
				 VALUES (@id, @username, @email, @password_hash, @display_name, @is_guest, @is_admin, @created_at)`
			).run(row);
		},
		updateAccount(id: string, fields: { username: string; email: string | null; password_hash: string; display_name: string; is_admin: number }) {
			db.prepare(
				`UPDATE users SET username = @username, email = @email, password_hash = @password_hash,
				 display_name = @display_name, is_admin = @is_admin, is_guest = 0 WHERE id = @id`
			).run({ id, ...fields });
		},
		updatePasswordHash: (id: string, hash: string) => db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id),
		updateDisplayName: (id: string, name: string) => db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(name, id)
	};
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
