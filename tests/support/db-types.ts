// Writes server/db/tables.ts, the query builder's types of every table, from the migrated SQLite schema; a test
// fails when the file is stale (regenerate with `npm run db:types`).
import fs from 'node:fs';
import { openDatabase } from '../../server/db/open';
import { sqliteShape, type ColumnShape } from './schema-shape';

export const tablesFile = 'server/db/tables.ts';

const tsType: Record<ColumnShape['type'], string> = { text: 'string', integer: 'number', blob: 'Uint8Array', real: 'number' };

const pascal = (name: string) => name.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export function generateTableTypes(): string {
	const shape = sqliteShape(openDatabase(':memory:'));
	const interfaces = Object.entries(shape).map(([table, { columns, primaryKey }]) => {
		const autoId = primaryKey.length === 1 && columns.some((c) => c.name === primaryKey[0] && c.type === 'integer');
		const fields = columns.map((c) => {
			let type = tsType[c.type] + (c.notNull ? '' : ' | null');
			// Columns the database fills when an insert leaves them out.
			if (c.default !== null || (autoId && c.name === primaryKey[0])) type = `Generated<${type}>`;
			return `\t${c.name}: ${type};`;
		});
		return `export interface ${pascal(table)}Table {\n${fields.join('\n')}\n}`;
	});
	const registry = Object.keys(shape).map((table) => `\t${table}: ${pascal(table)}Table;`);
	return [
		'// Generated from the migrated schema by tests/support/db-types.ts (`npm run db:types`); do not edit by hand.',
		"import type { Generated } from 'kysely';",
		'',
		...interfaces.flatMap((i) => [i, '']),
		'/** Every table, as the query builder sees it on SQLite and on PostgreSQL alike. */',
		`export interface Tables {\n${registry.join('\n')}\n}`,
		''
	].join('\n');
}

if (process.argv[1]?.endsWith('db-types.ts')) fs.writeFileSync(tablesFile, generateTableTypes());
