// The production server (`scripts/start.mjs`: builds when stale, then build/server.js) on a free port, with its data
// directory, in its own process group so that stopping it also stops everything it started.
import { spawn } from 'node:child_process';
import http from 'node:http';

export type AppServer = { base: string; pid: number; stop: () => Promise<void> };

/** `reuseBuild`: run the existing build/ as it is (build/server.js) instead of rebuilding when the sources are newer. */
export async function startAppServer(env: Record<string, string>, log: (s: string) => void, reuseBuild = false): Promise<AppServer> {
	const entry = reuseBuild ? ['build/server.js'] : ['scripts/start.mjs'];
	const child = spawn(process.execPath, entry, {
		env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DEMO: 'false', LOG_LEVEL: 'error', ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true
	});
	const stop = async () => {
		if (child.exitCode !== null) return;
		const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 10_000);
		await gone;
		clearTimeout(timer);
	};
	process.once('exit', () => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// already gone
		}
	});
	const base = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the app server did not start within 5 minutes')), 300_000);
		let buffered = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			const m = /running at (http:\/\/[^\s]+)/.exec(buffered);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]!);
			}
			if (buffered.length > 100_000) buffered = buffered.slice(-10_000);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the app server exited with ${code} before listening`));
		});
	});
	log(`  app server at ${base} (pid ${child.pid})`);
	return { base, pid: child.pid!, stop };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** GET over a keep-alive socket (Node 20's fetch adds tens of ms per request on this kind of machine). */
export function getJson<T>(url: string, cookie?: string): Promise<{ status: number; body: T; ms: number }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.get(url, { agent, headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				try {
					resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as T, ms: performance.now() - started });
				} catch (e) {
					reject(e);
				}
			});
		});
		req.on('error', reject);
		req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
	});
}
