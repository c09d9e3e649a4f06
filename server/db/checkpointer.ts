// Runs SQLite's WAL checkpoints on a worker thread, so that the event loop's group commits never wait for one.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open';
import { rootLogger } from '../log';

/**
 * The worker's whole program: its own connection to the same file, a PASSIVE checkpoint every `everyMs` (it never
 * blocks the writer: it copies what no reader still needs and stops). Plain JavaScript, so that it runs the same
 * from the sources (tests, tsx) and from the production build.
 */
const program = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
	try {
		const [row] = db.pragma('wal_checkpoint(PASSIVE)');
		parentPort.postMessage({ ok: true, log: row.log, checkpointed: row.checkpointed });
	} catch (e) {
		parentPort.postMessage({ ok: false, error: String(e && e.message) });
	}
}, workerData.everyMs);
parentPort.on('message', (m) => {
	if (m !== 'stop') return;
	clearInterval(timer);
	db.close();
	process.exit(0);
});
`;

/** Beyond this many WAL pages the main connection checkpoints by itself again (the worker is stuck or gone). */
const FALLBACK_PAGES = 10_000;

export type Checkpointer = { stop: () => Promise<void>; stats: () => { checkpoints: number; failures: number } };

/**
 * Takes the checkpoints off `db`'s thread: its automatic checkpoint moves from 1,000 pages (SQLite's default, a few
 * ms to a hundred of fsync on a busy disk, inside whichever commit crossed the line) to a 40 MB safety net, and the
 * worker checkpoints every second. In-memory databases have no WAL: nothing to do.
 */
export function startCheckpointer(db: Db, file: string, options: { everyMs?: number } = {}): Checkpointer {
	const counts = { checkpoints: 0, failures: 0 };
	if (file === ':memory:') return { stop: async () => undefined, stats: () => counts };
	let worker: Worker;
	try {
		worker = new Worker(program, { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? 1000 } });
	} catch (e) {
		rootLogger().warn({ component: 'db', err: e }, 'checkpoints stay on the main thread (no worker)');
		return { stop: async () => undefined, stats: () => counts };
	}
	worker.unref();
	db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
	let reported = false;
	worker.on('message', (m: { ok: boolean; error?: string }) => {
		if (m.ok) return void counts.checkpoints++;
		counts.failures++;
		if (!reported) rootLogger().warn({ component: 'db', error: m.error }, 'a background checkpoint failed; retried every second');
		reported = true;
	});
	worker.on('error', (e) => {
		// Back to SQLite's own checkpoints, in the commits.
		rootLogger().warn({ component: 'db', err: e }, 'the checkpoint worker stopped: checkpoints back on the main thread');
		db.pragma('wal_autocheckpoint = 1000');
	});
	return {
		stats: () => counts,
		stop: () =>
			new Promise<void>((resolve) => {
				worker.once('exit', () => resolve());
				worker.postMessage('stop');
				setTimeout(() => void worker.terminate().then(() => resolve()), 2000).unref();
			})
	};
}
