// `npm start`: builds the app when the build is missing or older than the sources, then runs the built server (no TypeScript loader).
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

const built = 'build/server.js';
const sources = ['src', 'server', 'static'].filter((d) => fs.existsSync(d));
const configs = ['package.json', 'svelte.config.js', 'vite.config.ts'].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs);
const stale = !fs.existsSync(built) || Math.max(...sources.map(newest), ...configs) > fs.statSync(built).mtimeMs;
const run = (cmd, args) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
if (stale) {
	// The build's hundreds of lines matter only when it fails: they are kept and shown then.
	process.stdout.write('Building MédiaLab (about a minute on the first start)…\n');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
	if (build.status !== 0) {
		process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}\nThe build failed (exit ${build.status ?? build.signal}); nothing was started.\n`);
		process.exit(build.status ?? 1);
	}
}
run(process.execPath, [built]);
