// The PostgreSQL migrations build the same schema as the SQLite ones (tables, columns, keys, uniques, indexes, checks),
// on a real PostgreSQL that the test starts itself; and two nodes starting together migrate once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, readMigrations } from '../../../server/db/open';
import { migratePostgres, postgresMigrations } from '../../../server/db/postgres/migrate';
import { postgresPool } from '../../../server/db/query-db';
import { startTemporaryPostgres, type TemporaryPostgres } from '../../support/postgres-server';
import { postgresShape, sqliteShape } from '../../support/schema-shape';

describe('PostgreSQL schema', () => {
	let server: TemporaryPostgres;
	beforeAll(async () => {
		server = await startTemporaryPostgres();
	}, 60_000);
	afterAll(async () => server?.stop());

	it('has a PostgreSQL twin of every SQLite migration, under the same name', () => {
		expect(postgresMigrations().map((m) => m.name)).toEqual(readMigrations().map((m) => m.name));
	});

	it('is the SQLite schema: same tables, columns, types, defaults, keys, uniques, indexes and checks', async () => {
		const pool = postgresPool(await server.createDatabase('parity'));
		try {
			await migratePostgres(pool);
			const client = await pool.connect();
			const postgres = await postgresShape(client).finally(() => client.release());
			const sqlite = sqliteShape(openDatabase(':memory:'));
			expect(Object.keys(postgres)).toEqual(Object.keys(sqlite));
			for (const table of Object.keys(sqlite)) expect({ table, ...postgres[table] }).toEqual({ table, ...sqlite[table] });
		} finally {
			await pool.end();
		}
	});

	it('migrates once when two nodes start together, and finds nothing to do afterwards', async () => {
		const url = await server.createDatabase('two_nodes');
		const nodes = [postgresPool(url), postgresPool(url)];
		try {
			const applied = await Promise.all(nodes.map((node) => migratePostgres(node)));
			const all = postgresMigrations().map((m) => m.version);
			expect(applied.map((versions) => versions.length).sort()).toEqual([0, all.length]);
			expect(applied.flat()).toEqual(all);
			const [first, second] = nodes as [pg.Pool, pg.Pool];
			expect(await migratePostgres(first)).toEqual([]);
			const { rows } = await second.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
			expect(rows).toEqual([{ n: all.length }]);
		} finally {
			await Promise.all(nodes.map((node) => node.end()));
		}
	});

	it('keeps user names unique without regard to case, as SQLite does', async () => {
		const pool = postgresPool(await server.createDatabase('nocase'));
		try {
			await migratePostgres(pool);
			const insert = (id: string, username: string) =>
				pool.query("INSERT INTO users (id, username, password_hash, display_name, created_at) VALUES ($1, $2, 'x', $3, '2018-09-13')", [id, username, username]);
			await insert('u1', 'Alice');
			await expect(insert('u2', 'alice')).rejects.toThrow(/unique/i);
			const { rows } = await pool.query("SELECT id FROM users WHERE username = 'ALICE'");
			expect(rows).toEqual([{ id: 'u1' }]);
		} finally {
			await pool.end();
		}
	});
});
