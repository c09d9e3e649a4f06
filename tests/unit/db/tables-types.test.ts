// server/db/tables.ts (the query builder's table types) is the migrated schema's: a migration without a regenerated
// file fails here with the command to run.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTableTypes, tablesFile } from '../../support/db-types';

describe('query builder table types', () => {
	it('match the migrated schema (regenerate with `npm run db:types`)', () => {
		expect(fs.readFileSync(tablesFile, 'utf8'), 'server/db/tables.ts is stale: run `npm run db:types`').toBe(generateTableTypes());
	});
});
