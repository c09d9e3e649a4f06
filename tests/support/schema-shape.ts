// The shape of a database schema as both engines can report it — tables, columns, keys, uniques, indexes, checks —
// normalised so that a SQLite schema and its PostgreSQL twin compare equal when they mean the same thing.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export type ColumnShape = { name: string; type: 'text' | 'integer' | 'blob' | 'real'; notNull: boolean; default: string | null; caseInsensitive: boolean };
export type ForeignKeyShape = { columns: string[]; table: string; refColumns: string[]; onDelete: string };
export type IndexShape = { name: string; columns: string[]; unique: boolean; partial: boolean };
export type TableShape = {
	columns: ColumnShape[];
	primaryKey: string[];
	foreignKeys: ForeignKeyShape[];
	uniques: string[][];
	indexes: IndexShape[];
	checks: number;
};
export type SchemaShape = Record<string, TableShape>;

function typeFamily(declared: string): ColumnShape['type'] {
	const t = declared.toLowerCase();
	if (/int/.test(t)) return 'integer';
	if (/text|char|clob|citext/.test(t)) return 'text';
	if (/blob|bytea/.test(t)) return 'blob';
	if (/real|floa|doub|numeric/.test(t)) return 'real';
	throw new Error(`unknown column type ${declared}`);
}

/** `'[]'::text` and `'[]'` are one default; so are `0` and `'0'::bigint`. */
function normaliseDefault(value: string | null): string | null {
	if (value === null) return null;
	return value.replace(/::[a-z ]+$/i, '').replace(/^'(-?\d+)'$/, '$1');
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const sortKeys = (keys: string[][]) => keys.map((k) => k.join(',')).sort().map((k) => k.split(','));
const sortForeignKeys = (fks: ForeignKeyShape[]) => [...fks].sort((a, b) => `${a.columns}${a.table}`.localeCompare(`${b.columns}${b.table}`));

/** CHECK constraints in a table's CREATE statement (columns added later carry theirs into it). */
function countChecks(sql: string): number {
	return (sql.match(/\bCHECK\s*\(/gi) ?? []).length;
}

export function sqliteShape(db: Database.Database): SchemaShape {
	const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
	const shape: SchemaShape = {};
	for (const { name: table, sql } of tables) {
		type Info = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
		const info = db.pragma(`table_info("${table}")`) as Info[];
		const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
		const columns = info
			.map((c) => ({
				name: c.name,
				type: typeFamily(c.type),
				notNull: c.notnull === 1 || c.pk > 0,
				default: normaliseDefault(c.dflt_value),
				caseInsensitive: new RegExp(`\\b${c.name}\\s+TEXT[^,]*COLLATE\\s+NOCASE`, 'i').test(sql)
			}))
			.sort(byName);
		type Fk = { id: number; seq: number; table: string; from: string; to: string; on_delete: string };
		const fkRows = db.pragma(`foreign_key_list("${table}")`) as Fk[];
		const foreignKeys = [...new Set(fkRows.map((f) => f.id))].map((id) => {
			const parts = fkRows.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
			const first = parts[0]!;
			return { columns: parts.map((p) => p.from), table: first.table, refColumns: parts.map((p) => p.to), onDelete: first.on_delete.toUpperCase() };
		});
		type Idx = { name: string; unique: number; origin: string; partial: number };
		const indexList = db.pragma(`index_list("${table}")`) as Idx[];
		const indexColumns = (index: string) =>
			(db.pragma(`index_xinfo("${index}")`) as { cid: number; name: string | null; key: number; seqno: number }[])
				.filter((c) => c.key === 1)
				.sort((a, b) => a.seqno - b.seqno)
				.map((c) => c.name ?? '<expr>');
		shape[table] = {
			columns,
			primaryKey,
			foreignKeys: sortForeignKeys(foreignKeys),
			uniques: sortKeys(indexList.filter((i) => i.origin === 'u').map((i) => indexColumns(i.name))),
			indexes: indexList
				.filter((i) => i.origin === 'c')
				.map((i) => ({ name: i.name, columns: indexColumns(i.name), unique: i.unique === 1, partial: i.partial === 1 }))
				.sort(byName),
			checks: countChecks(sql)
		};
	}
	return shape;
}

const pgOnDelete: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function postgresShape(client: pg.ClientBase): Promise<SchemaShape> {
	const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
		`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
		 WHERE table_schema = 'public' ORDER BY table_name, column_name`
	);
	const constraints = await client.query<{ tbl: string; contype: string; ref: string | null; confdeltype: string; cols: string[]; refcols: string[] }>(
		`SELECT c.conrelid::regclass::text AS tbl, c.contype, CASE WHEN c.confrelid = 0 THEN NULL ELSE c.confrelid::regclass::text END AS ref, c.confdeltype,
		   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
		   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS refcols
		 FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace WHERE ns.nspname = 'public' AND c.contype IN ('p', 'f', 'u', 'c')`
	);
	const indexes = await client.query<{ name: string; tbl: string; uniq: boolean; partial: boolean; cols: string[] }>(
		`SELECT i.relname AS name, t.relname AS tbl, x.indisunique AS uniq, x.indpred IS NOT NULL AS partial,
		   ARRAY(SELECT coalesce(a.attname::text, '<expr>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
		         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n AND k.n <> 0 ORDER BY k.o) AS cols
		 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
		 WHERE ns.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`
	);
	const shape: SchemaShape = {};
	for (const table of [...new Set(columns.rows.map((c) => c.table_name))].sort()) {
		const own = constraints.rows.filter((c) => c.tbl === table);
		shape[table] = {
			columns: columns.rows
				.filter((c) => c.table_name === table)
				.map((c) => ({
					name: c.column_name,
					type: typeFamily(c.data_type === 'USER-DEFINED' ? c.udt_name : c.data_type),
					notNull: c.is_nullable === 'NO',
					default: normaliseDefault(c.column_default),
					caseInsensitive: c.udt_name === 'citext'
				}))
				.sort(byName),
			primaryKey: own.find((c) => c.contype === 'p')?.cols ?? [],
			foreignKeys: sortForeignKeys(
				own.filter((c) => c.contype === 'f').map((c) => ({ columns: c.cols, table: c.ref!, refColumns: c.refcols, onDelete: pgOnDelete[c.confdeltype] ?? c.confdeltype }))
			),
			uniques: sortKeys(own.filter((c) => c.contype === 'u').map((c) => c.cols)),
			indexes: indexes.rows
				.filter((i) => i.tbl === table)
				.map((i) => ({ name: i.name, columns: i.cols, unique: i.uniq, partial: i.partial }))
				.sort(byName),
			checks: own.filter((c) => c.contype === 'c').length
		};
	}
	return shape;
}
