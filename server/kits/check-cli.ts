// `npm run kits:check` (scripts/kits-check.ts): validates every kit under kits/ and checks kits/kit.schema.json is current (`-- --write` rewrites it).
import fs from 'node:fs';
import path from 'node:path';
import { KitError, kitProblem, readKitFolder } from './kit-files';
import type { MessageItem } from '../shared/errors';
import { kitSchemaText } from '../shared/kit-format';
import { validateKit } from './kit-validate';

/** A command-line tool: results go to stdout, problems to stderr, as plain lines for the person who ran it. */
const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: unknown) => process.stderr.write(`${line instanceof Error ? (line.stack ?? line.message) : String(line)}\n`);


/** `problemText` words a kit problem (a message key): the entry script passes the app's catalogue, which server/ cannot import. */
export function checkKits(argv: string[], problemText: (problem: MessageItem) => string): number {
	const root = path.resolve('kits');
	const schemaFile = path.join(root, 'kit.schema.json');
	let failures = 0;
	if (argv.includes('--write')) {
		fs.writeFileSync(schemaFile, kitSchemaText());
		say(`wrote ${path.relative(process.cwd(), schemaFile)}`);
	} else if (!fs.existsSync(schemaFile) || fs.readFileSync(schemaFile, 'utf8') !== kitSchemaText()) {
		complain('kits/kit.schema.json is out of date: run `npm run kits:check -- --write`');
		failures++;
	}
	const kits = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
	for (const dir of kits) {
		try {
			const kit = validateKit(readKitFolder(path.join(root, dir.name)));
			if (kit.manifest.id !== dir.name) throw new KitError([kitProblem('idNotFolder', { file: 'kit.json', field: 'id', value: kit.manifest.id, folder: dir.name })]);
			say(`✓ ${dir.name} ${kit.manifest.version}: ${kit.manifest.guides.length} guides, ${kit.manifest.templates.length} templates, ${kit.programme.workshops.length} workshops`);
		} catch (e) {
			failures++;
			complain(`✗ ${dir.name}`);
			for (const problem of e instanceof KitError ? e.problems.map(problemText) : [(e as Error).message]) complain(`  - ${problem}`);
		}
	}
	if (kits.length === 0) say('no kit folder under kits/');
	return failures === 0 ? 0 : 1;
}
