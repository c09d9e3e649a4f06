import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../../server/db/open';

const migrationFiles = fs.readdirSync(path.resolve('server/db/migrations')).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f));

describe('migrations', () => {
	const opened: Db[] = [];
	const dirs: string[] = [];
	afterEach(() => {
		for (const db of opened.splice(0)) if (db.open) db.close();
		for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
	});

	it('applies every migration once, and nothing when run again', () => {
		const db = openDatabase(':memory:');
		opened.push(db);
		const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
		expect(applied.map((m) => m.name)).toEqual([...migrationFiles].sort());
		expect(applied[0]).toEqual({ version: 1, name: '001_foundation.sql' });
		expect(migrate(db)).toEqual([]);
		expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrationFiles.length);
	});

	it('waits for a lock held by another program as long as it is told, then fails the write', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-busy-'));
		dirs.push(dir);
		const file = path.join(dir, 'medialab.sqlite');
		const db = openDatabase(file, { busyTimeoutMs: 150 });
		const other = openDatabase(file);
		opened.push(db, other);
		expect(db.pragma('busy_timeout', { simple: true })).toBe(150);
		other.exec('BEGIN EXCLUSIVE');
		const started = performance.now();
		expect(() => db.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x', 0)")).toThrow(/locked|busy/i);
		expect(performance.now() - started).toBeGreaterThanOrEqual(100);
		other.exec('ROLLBACK');
	});

	it('creates the foundation tables', () => {
		const db = openDatabase(':memory:');
		opened.push(db);
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
		for (const t of ['users', 'auth_sessions', 'login_throttles', 'api_tokens', 'editions', 'edition_members', 'invites', 'themes', 'tracks', 'rooms', 'workshops', 'workshop_themes', 'outbox']) {
			expect(tables).toContain(t);
		}
	});

	it('opens a file database in WAL mode with foreign keys on, creating its folder, and keeps migrations on reopen', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-db-'));
		dirs.push(dir);
		const file = path.join(dir, 'nested', 'medialab.sqlite');
		const db = openDatabase(file);
		opened.push(db);
		expect(fs.existsSync(file)).toBe(true);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
		db.close();

		const again = openDatabase(file);
		opened.push(again);
		expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrationFiles.length);
		expect(migrate(again)).toEqual([]);
	});

	it('enforces foreign keys', () => {
		const db = openDatabase(':memory:');
		opened.push(db);
		expect(() =>
			db.prepare('INSERT INTO auth_sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run('s', 'no-such-user', 1, 1)
		).toThrow(/FOREIGN KEY/);
	});
});
