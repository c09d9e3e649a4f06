// The two engines a repository must run on, for contract suites: the embedded SQLite (in memory) and a real
// PostgreSQL that the suite starts itself. Each `open()` gives a fresh, migrated, empty database.
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { migratePostgres } from '../../server/db/postgres/migrate';
import { postgresPool, postgresQueryDb, sqliteQueryDb, type QueryDb } from '../../server/db/query-db';
import { startTemporaryPostgres, type TemporaryPostgres } from './postgres-server';

export type OpenedEngine = { queryDb: QueryDb; close(): Promise<void> };
export type Engine = { name: 'SQLite' | 'PostgreSQL'; open(): Promise<OpenedEngine> };

/** Call once per test file, at the top level: the PostgreSQL server starts before the file's tests and stops after them. */
export function repositoryEngines(): Engine[] {
	let server: Promise<TemporaryPostgres> | undefined;
	let databases = 0;
	beforeAll(async () => {
		server = startTemporaryPostgres();
		await server;
	}, 60_000);
	afterAll(async () => {
		if (server) await (await server).stop();
	});
	return [
		{
			name: 'SQLite',
			async open() {
				const db = openDatabase(':memory:');
				const queryDb = sqliteQueryDb(db);
				return { queryDb, close: async () => queryDb.destroy() };
			}
		},
		{
			name: 'PostgreSQL',
			async open() {
				if (!server) throw new Error('repositoryEngines() must be called at the top level of the test file');
				const url = await (await server).createDatabase(`contract_${databases++}`);
				const pool = postgresPool(url, { max: 4 });
				await migratePostgres(pool);
				const queryDb = postgresQueryDb(pool);
				return { queryDb, close: async () => queryDb.destroy() };
			}
		}
	];
}
