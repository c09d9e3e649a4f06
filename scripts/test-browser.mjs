// Before `npm test`: the journeys need Debian's Chromium, the EPUB test its EPUBCheck. Install them when we can (root with
// apt-get); a missing Chromium stops at once saying how, a missing EPUBCheck only says its test will be skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const epubcheckJar = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const say = (text) => process.stderr.write(`${text}\n`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let updated = false;

function aptInstall(pkg) {
	if (!updated) {
		if (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status !== 0) return false;
		updated = true;
	}
	return spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

if (!fs.existsSync(browser)) {
	if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
		say('Chromium is missing: installing Debian\'s chromium package for the end-to-end journeys (apt-get, about 30 s)…');
		if (!aptInstall('chromium') || !fs.existsSync(browser)) {
			say('Could not install chromium with apt-get. Install it by hand: apt-get install -y chromium');
			process.exit(1);
		}
	} else {
		say(
			`The end-to-end journeys need Chromium at ${browser} and it is not there.\n` +
				'Install it once (Debian/Ubuntu): sudo apt-get install -y chromium\n' +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.'
		);
		process.exit(1);
	}
}

// EPUBCheck (Java) validates the proceedings EPUB in tests/unit/proceedings/epubcheck.test.ts; Debian's package brings a JRE.
if (!fs.existsSync(epubcheckJar)) {
	if (isRoot && hasApt && !process.env.EPUBCHECK_JAR) {
		say('EPUBCheck is missing: installing Debian\'s epubcheck package (with a Java runtime) to validate the EPUB booklets…');
		if (!aptInstall('epubcheck') || !fs.existsSync(epubcheckJar)) say('Could not install epubcheck with apt-get: the EPUBCheck test will be skipped.');
	} else {
		say(`EPUBCheck is not at ${epubcheckJar}: its test will be skipped. Install it with: sudo apt-get install -y epubcheck (or set EPUBCHECK_JAR).`);
	}
}
