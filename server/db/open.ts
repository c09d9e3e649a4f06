// Opens the SQLite database with the pragmas the app relies on and applies pending migrations.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (and creates) a database; ':memory:' gives a fresh one for tests. */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
	db.pragma('synchronous = NORMAL');
	migrate(db);
	return db;
}

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * `db.prepare` compiles the SQL every time; repos on the hot path (joining a room checks access) prepare each
 * statement once per database. Each SQL text keeps one mode: a statement read with `.pluck()` stays plucked.
 */
export function statementCache(db: Db) {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const statements = cache;
	return <P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> => {
		let statement = statements.get(sql);
		if (!statement) statements.set(sql, (statement = db.prepare(sql)));
		return statement as unknown as Database.Statement<P, R>;
	};
}

export type Migration = { version: number; name: string; sql: string };

/** The numbered .sql files of a migrations directory, in order (SQLite's here, PostgreSQL's twins in postgres/). */
export function readMigrations(dir = migrationsDir): Migration[] {
	return fs
		.readdirSync(dir)
		.filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
		.sort()
		.map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Applies each numbered .sql file once, each in its own transaction. */
export function migrate(db: Db): number[] {
	db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
	const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
	const done: number[] = [];
	for (const m of readMigrations()) {
		if (applied.has(m.version)) continue;
		db.transaction(() => {
			db.exec(m.sql);
			db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
		})();
		done.push(m.version);
	}
	return done;
}
