// Jobs that must run on one node at a time (the search indexer, sweeps): a node runs such a job only while it holds
// the job's lease, renews it every third of its length, and stops the job as soon as it cannot. When the holder dies,
// another node takes the lease once it expires, within `ttlMs` plus one renewal period.
import type { Leases } from './leases';

export type SingletonJob = { start(): void | Promise<void>; stop(): void | Promise<void> };

type Kept = { name: string; job: SingletonJob; running: boolean };

export type SingletonJobsOptions = {
	leases: Leases;
	node: string;
	ttlMs?: number;
	log?: (fields: Record<string, unknown>, message: string) => void;
};

export function createSingletonJobs(options: SingletonJobsOptions) {
	const ttlMs = options.ttlMs ?? 15_000;
	const log = options.log ?? (() => undefined);
	const kept: Kept[] = [];
	let timer: NodeJS.Timeout | null = null;
	let ticking: Promise<void> | null = null;
	let closed = false;

	async function holds(name: string): Promise<boolean> {
		try {
			return await options.leases.acquire(name, options.node, ttlMs);
		} catch (e) {
			// A database we cannot reach: we cannot prove we hold the lease, so we behave as if we did not.
			log({ job: name, err: e }, 'cannot renew a job lease; the job stops on this node until it can');
			return false;
		}
	}

	async function settle(entry: Kept, held: boolean) {
		if (held === entry.running) return;
		entry.running = held;
		try {
			await (held ? entry.job.start() : entry.job.stop());
			log({ job: entry.name, node: options.node }, held ? 'this node now runs the job' : 'this node no longer runs the job');
		} catch (e) {
			log({ job: entry.name, err: e }, held ? 'the job failed to start' : 'the job failed to stop');
		}
	}

	async function round() {
		for (const entry of kept) if (!closed) await settle(entry, await holds(entry.name));
	}

	/** One renewal round (the timer calls it; tests call it to step). */
	function tick(): Promise<void> {
		ticking ??= round().finally(() => (ticking = null));
		return ticking;
	}

	return {
		/** Keeps `job` running on exactly one node of the instance. */
		keep(name: string, job: SingletonJob) {
			kept.push({ name, job, running: false });
			if (!timer) {
				timer = setInterval(() => void tick(), Math.max(50, Math.floor(ttlMs / 3)));
				timer.unref();
			}
			void tick();
		},
		tick,
		/**
		 * Runs `task` unless another node is running it now (then skips it and returns false): for idempotent tasks at
		 * start, such as the orphan sweep, that must never run on two nodes at once.
		 */
		async exclusively(name: string, task: () => Promise<void>): Promise<boolean> {
			if (!(await holds(name))) return false;
			try {
				await task();
			} finally {
				await options.leases.release(name, options.node).catch(() => undefined);
			}
			return true;
		},
		/** Stops the jobs this node runs and gives their leases up, so that another node takes them at once. */
		async close(): Promise<void> {
			closed = true;
			if (timer) clearInterval(timer);
			await ticking;
			for (const entry of kept) {
				if (!entry.running) continue;
				await settle(entry, false);
				await options.leases.release(entry.name, options.node).catch(() => undefined);
			}
		}
	};
}

export type SingletonJobs = ReturnType<typeof createSingletonJobs>;
