// Runs text extraction in one worker thread, one file at a time, with a time limit; in-process only if no worker can start.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractText, type Extracted } from './formats';

/** The built worker beside build/server.js in production; from the sources (through tsx) in development and tests. */
function workerEntry(): URL {
	const built = new URL('./extract-worker.js', import.meta.url);
	return fs.existsSync(fileURLToPath(built)) ? built : new URL('./worker-boot.mjs', import.meta.url);
}

export type Extractor = { extract(bytes: Uint8Array, name: string, mime: string): Promise<Extracted>; close(): Promise<void> };

type Job = { bytes: Uint8Array; name: string; mime: string };
type Pending = { resolve: (r: Extracted) => void; timer: NodeJS.Timeout; job: Job };

export function createExtractor(options: { timeoutMs?: number; log?: (line: string) => void } = {}): Extractor {
	const timeoutMs = options.timeoutMs ?? 30_000;
	let worker: Worker | null = null;
	let workerFailed = false;
	let workerAnswered = false;
	let nextId = 1;
	const pending = new Map<number, Pending>();

	function settleAll(note: string) {
		for (const [id, p] of pending) {
			clearTimeout(p.timer);
			p.resolve({ text: '', note });
			pending.delete(id);
		}
	}

	function start(): Worker | null {
		if (worker || workerFailed) return worker;
		try {
			worker = new Worker(workerEntry(), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
		} catch (e) {
			workerFailed = true;
			options.log?.(`search: text extraction runs in the main thread (no worker: ${(e as Error).message})`);
			return null;
		}
		const w = worker;
		w.unref();
		w.on('message', (msg: { id: number } & Extracted) => {
			const p = pending.get(msg.id);
			if (!p) return;
			workerAnswered = true;
			clearTimeout(p.timer);
			pending.delete(msg.id);
			p.resolve({ text: msg.text, note: msg.note });
		});
		w.on('error', (e) => {
			if (worker === w) worker = null;
			if (!workerAnswered) {
				// It never worked here (no loader, no threads): extract in this thread from now on.
				workerFailed = true;
				options.log?.(`search: text extraction runs in the main thread (the worker could not start: ${e.message})`);
				for (const [id, p] of pending) {
					clearTimeout(p.timer);
					pending.delete(id);
					void extractText(p.job.bytes, p.job.name, p.job.mime).then(p.resolve);
				}
				return;
			}
			options.log?.(`search: the extraction worker failed: ${e.message}`);
			settleAll(`unreadable (${e.message.slice(0, 120)}): indexed by name only`);
		});
		w.on('exit', () => {
			if (worker !== w) return;
			worker = null;
			settleAll('extraction stopped: indexed by name only');
		});
		return w;
	}

	return {
		extract(bytes, name, mime) {
			const w = start();
			if (!w) return extractText(bytes, name, mime);
			const id = nextId++;
			return new Promise<Extracted>((resolve) => {
				const timer = setTimeout(() => {
					pending.delete(id);
					resolve({ text: '', note: `extraction took longer than ${timeoutMs / 1000} s: indexed by name only` });
					// A file stuck in the parser would hold every later one: start afresh.
					void w.terminate();
				}, timeoutMs);
				pending.set(id, { resolve, timer, job: { bytes, name, mime } });
				w.postMessage({ id, bytes, name, mime });
			});
		},
		async close() {
			const w = worker;
			worker = null;
			settleAll('extraction stopped: indexed by name only');
			if (w) await w.terminate();
		}
	};
}
