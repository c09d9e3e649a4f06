// The production server (`scripts/start.mjs`: builds when stale, then build/server.js) on a free port, with its data
// directory, in its own process group so that stopping it also stops everything it started.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export type AppServer = { base: string; pid: number; stop: () => Promise<void> };

/** `reuseBuild`: run the existing build/ as it is (build/server.js) instead of rebuilding when the sources are newer. */
/** A port nobody listens on right now (the server is told it: with PORT=0 and logs at « error » it would not say which it got). */
async function freePort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const port = (probe.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

/** Whether anything answers HTTP at `base`. */
function answers(base: string): Promise<boolean> {
	return new Promise((resolve) => {
		const req = http.get(`${base}/`, (res) => {
			res.resume();
			resolve(true);
		});
		req.on('error', () => resolve(false));
		req.setTimeout(2000, () => req.destroy());
	});
}

export async function startAppServer(env: Record<string, string>, log: (s: string) => void, reuseBuild = false): Promise<AppServer> {
	const entry = reuseBuild ? ['build/server.js'] : ['scripts/start.mjs'];
	const port = await freePort();
	const child = spawn(process.execPath, entry, {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEMO: 'false', LOG_LEVEL: 'error', ...env },
		stdio: ['ignore', 'ignore', 'inherit'],
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
	const base = `http://127.0.0.1:${port}`;
	let exited: number | null | undefined;
	child.once('exit', (code) => (exited = code));
	const deadline = performance.now() + 300_000;
	while (!(await answers(base))) {
		if (exited !== undefined) throw new Error(`the app server exited with ${exited} before listening`);
		if (performance.now() > deadline) throw new Error('the app server did not start within 5 minutes');
		await new Promise((r) => setTimeout(r, 250));
	}
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
