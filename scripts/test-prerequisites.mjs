// Before `npm test`: the journeys need Debian's Chromium and the repository tests start their own PostgreSQL from
// Debian's postgresql package. Install what is missing when we can (root with apt-get), else stop at once saying how.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const say = (text) => process.stderr.write(`${text}\n`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgres = () =>
	process.env.PG_BIN
		? fs.existsSync(path.join(process.env.PG_BIN, 'initdb'))
		: fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'initdb')));

const needs = [
	{
		what: 'Chromium, for the end-to-end journeys',
		present: () => fs.existsSync(browser),
		packages: ['chromium'],
		canInstall: !process.env.CHROMIUM_PATH,
		byHand: `Install it once (Debian/Ubuntu): sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium or Chrome binary.`
	},
	{
		what: 'PostgreSQL, for the tests that run the repositories on it (they start their own server)',
		present: hasPostgres,
		packages: ['postgresql'],
		canInstall: !process.env.PG_BIN,
		byHand: 'Install it once (Debian/Ubuntu): sudo apt-get install -y postgresql\nor point PG_BIN at the directory of its initdb and postgres programs.'
	}
];

const missing = needs.filter((n) => !n.present());
if (missing.length > 0) {
	if (isRoot && hasApt && missing.every((n) => n.canInstall)) {
		say(`Installing with apt-get (about a minute): ${missing.map((n) => n.what).join('; ')}…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		const packages = missing.flatMap((n) => n.packages);
		const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
		const stillMissing = missing.filter((n) => !n.present());
		if (install.status !== 0 || stillMissing.length > 0) {
			say(`Could not install ${packages.join(', ')} with apt-get. Install by hand: apt-get install -y ${packages.join(' ')}`);
			process.exit(1);
		}
	} else {
		for (const n of missing) say(`Missing: ${n.what}.\n${n.byHand}\n`);
		say('Then run npm test again.');
		process.exit(1);
	}
}
