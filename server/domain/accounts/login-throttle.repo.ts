// Login throttle counters, one row per key, written once for SQLite and PostgreSQL: whichever node a log-in reaches
// reads the same counters.
import type { QueryDb } from '../../db/query-db';

export type ThrottleRow = { key: string; failures: number; first_failure_at: number; locked_until: number };

export function createLoginThrottleRepo(db: QueryDb) {
	return {
		async find(key: string): Promise<ThrottleRow | undefined> {
			return db.selectFrom('login_throttles').select(['key', 'failures', 'first_failure_at', 'locked_until']).where('key', '=', key).executeTakeFirst();
		},
		async upsert(row: ThrottleRow): Promise<void> {
			const counts = { failures: row.failures, first_failure_at: row.first_failure_at, locked_until: row.locked_until };
			await db
				.insertInto('login_throttles')
				.values(row)
				.onConflict((conflict) => conflict.column('key').doUpdateSet(counts))
				.execute();
		},
		async remove(key: string): Promise<void> {
			await db.deleteFrom('login_throttles').where('key', '=', key).execute();
		}
	};
}

export type LoginThrottleRepo = ReturnType<typeof createLoginThrottleRepo>;
