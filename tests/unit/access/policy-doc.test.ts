// docs/access.md shows the policy table as the code has it: regenerate the marked section when the table changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyMarkdown } from '../../../server/domain/access/table-markdown';

describe('docs/access.md', () => {
	it('contains the policy table exactly as server/domain/access/policy.ts defines it', () => {
		const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/access.md'), 'utf8');
		const section = /<!-- policy-table:start -->\n([\s\S]*?)\n<!-- policy-table:end -->/.exec(doc)?.[1];
		expect(section, 'the marked section is missing').toBeDefined();
		expect(section).toBe(policyMarkdown());
	});
});
