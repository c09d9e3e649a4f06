// `npm start`: builds the app when the build is missing or older than the sources, then runs the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const newest = (dir) => {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
};

const built = 'build/handler.js';
const sources = ['src', 'server', 'static'].filter((d) => fs.existsSync(d));
const stale = !fs.existsSync(built) || Math.max(...sources.map(newest), fs.statSync('package.json').mtimeMs) > fs.statSync(built).mtimeMs;
const run = (cmd, args) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
if (stale) {
	console.log('Building MédiaLab…');
	run('npx', ['vite', 'build']);
}
run('npx', ['tsx', 'server/main.ts']);
