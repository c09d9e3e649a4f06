// Applies the PostgreSQL twins of the SQLite migrations, once, whichever node starts first: one transaction under an
// advisory lock, so a second node waits for the first and then finds nothing left to do.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { readMigrations } from '../open';

const postgresMigrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any constant shared by every node of an instance: the key of the « migrating » advisory lock. */
const MIGRATION_LOCK = 0x6d656469; // "medi"

export function postgresMigrations() {
	return readMigrations(postgresMigrationsDir);
}

/** Applies pending migrations in one transaction (PostgreSQL's DDL is transactional); returns the versions applied. */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
		const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
		const applied = new Set(rows.map((r) => Number(r.version)));
		const done: number[] = [];
		for (const m of postgresMigrations()) {
			if (applied.has(m.version)) continue;
			await client.query(m.sql);
			await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
			done.push(m.version);
		}
		await client.query('COMMIT');
		return done;
	} catch (e) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw e;
	} finally {
		client.release();
	}
}
