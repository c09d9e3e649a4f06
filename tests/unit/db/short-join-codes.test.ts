import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/open';

const dir = path.resolve('server/db/migrations');
const files = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();

/** A database as it stood before short codes, with workshops already in it. */
function databaseBeforeShortCodes(workshopCount: number) {
	const db = new Database(':memory:');
	db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
	for (const f of files.filter((name) => name < '016_short_join_codes.sql')) {
		db.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
		db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 3)), f, 'then');
	}
	db.prepare(`INSERT INTO editions (id, title, starts_on, ends_on, created_at, updated_at) VALUES ('e', 'E', '2018-09-13', '2018-09-14', 'then', 'then')`).run();
	const insert = db.prepare(
		`INSERT INTO workshops (id, edition_id, title, format, starts_at, ends_at, join_code, created_at, updated_at)
		 VALUES (?, 'e', 'W', 'notes', '2018-09-13T14:00', '2018-09-13T15:00', ?, 'then', 'then')`
	);
	for (let i = 0; i < workshopCount; i++) insert.run(`w${i}`, `code${i}`);
	return db;
}

describe('short join codes migration', () => {
	it('gives every existing workshop its own readable code', () => {
		const db = databaseBeforeShortCodes(500);
		expect(migrate(db)).toContain(16);
		const codes = db.prepare('SELECT short_code FROM workshops').pluck().all() as string[];
		expect(codes).toHaveLength(500);
		for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
		expect(new Set(codes).size).toBe(500);
		// Drawn at random: the 500 codes use most of the alphabet.
		expect(new Set(codes.join('')).size).toBeGreaterThan(25);
		expect(() => db.prepare("UPDATE workshops SET short_code = ? WHERE id = 'w1'").run(codes[0])).toThrow(/UNIQUE/);
		db.close();
	});
});
