// Before `npm test`: the journeys need Debian's Chromium and the repository tests start their own PostgreSQL from
// Debian's postgresql package. Install what is missing when we can (root with apt-get), else stop at once saying how.
// EPUBCheck is optional: installed the same way when we can, else its test is skipped and says so.
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
	},
	{
		what: 'EPUBCheck (Java), for the test that validates the EPUB booklets (tests/unit/proceedings/epubcheck.test.ts)',
		present: () => fs.existsSync(process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar'),
		packages: ['epubcheck'],
		canInstall: !process.env.EPUBCHECK_JAR,
		optional: true,
		byHand: 'Its test is skipped. Install it once (Debian/Ubuntu, brings a Java runtime): sudo apt-get install -y epubcheck\nor point EPUBCHECK_JAR at an epubcheck.jar.'
	}
];

const canApt = isRoot && hasApt;
// Optional tools come along when apt-get runs anyway or can run; where they cannot, a note is enough.
const missing = needs.filter((n) => !n.present() && (!n.optional || (canApt && n.canInstall)));
for (const n of needs.filter((n) => n.optional && !n.present() && !missing.includes(n))) say(`Note: ${n.what} is missing. ${n.byHand}\n`);
if (missing.length > 0) {
	if (canApt && missing.every((n) => n.canInstall)) {
		say(`Installing with apt-get (about a minute): ${missing.map((n) => n.what).join('; ')}…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		const packages = missing.flatMap((n) => n.packages);
		// What got installed is read from the disk below: a failed install leaves its tools missing.
		if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
		const stillMissing = missing.filter((n) => !n.present());
		if (stillMissing.some((n) => !n.optional)) {
			say(`Could not install ${packages.join(', ')} with apt-get. Install by hand: apt-get install -y ${packages.join(' ')}`);
			process.exit(1);
		}
		for (const n of stillMissing) say(`Could not install ${n.packages.join(', ')}: ${n.byHand}\n`);
	} else {
		for (const n of missing) say(`Missing: ${n.what}.\n${n.byHand}\n`);
		say('Then run npm test again.');
		process.exit(1);
	}
}
