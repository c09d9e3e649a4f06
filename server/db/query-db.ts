// The query builder over either engine: repositories write each query once (Kysely) and run on the embedded SQLite
// database or on PostgreSQL. On SQLite, a transaction must await only its own queries (see docs/scaling.md).
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export type QueryDb = Kysely<Tables>;

/** Over the app's own better-sqlite3 connection, so that both kinds of repository see the same data at once. */
export function sqliteQueryDb(db: Database.Database): QueryDb {
	return new Kysely<Tables>({ dialect: new SqliteDialect({ database: db }) });
}

const INT8 = 20;

/**
 * A pool whose BIGINT columns read back as numbers, as they do on SQLite (our integers are ids, counts and Unix ms).
 * An idle connection the server drops (a restart, a failover) is reported to `onIdleError` and replaced at the next
 * query; without a listener node-postgres would throw it out of the process.
 */
export function postgresPool(connectionString: string, options: { max?: number; onIdleError?: (error: Error) => void } = {}): pg.Pool {
	const pool = new pg.Pool({
		connectionString,
		max: options.max ?? 10,
		types: {
			getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser
		}
	});
	pool.on('error', (error) => options.onIdleError?.(error));
	return pool;
}

export function postgresQueryDb(pool: pg.Pool): QueryDb {
	return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
