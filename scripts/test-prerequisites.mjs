// Before `npm test`: the journeys need Debian's Chromium. Install it when we can (root with apt-get), else stop at once saying how.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const say = (text) => process.stderr.write(`${text}\n`);

if (!fs.existsSync(browser)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
		say('Chromium is missing: installing Debian\'s chromium package for the end-to-end journeys (apt-get, about 30 s)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
		if (install.status !== 0 || !fs.existsSync(browser)) {
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
