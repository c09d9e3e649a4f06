// Leases and singleton jobs on both engines: one node runs a job, another takes over when it dies (its lease expires)
// or at once when it stops cleanly; a node that cannot reach the database stops its job.
import { afterEach, describe, expect, it } from 'vitest';
import { createLeases } from '../../../server/cluster/leases';
import { createSingletonJobs } from '../../../server/cluster/singleton-jobs';
import { repositoryEngines, type OpenedEngine } from '../../support/engines';

const engines = repositoryEngines();

/** A job that records where it runs. */
function recordingJob(node: string, running: Set<string>) {
	return { start: () => void running.add(node), stop: () => void running.delete(node) };
}

describe.each(engines)('leases on $name', (engine) => {
	let opened: OpenedEngine | undefined;
	afterEach(async () => opened?.close());

	it('gives a lease to one holder until it expires or is released, and renews it for its holder', async () => {
		opened = await engine.open();
		let now = Date.UTC(2018, 8, 13, 9, 0);
		const leases = createLeases(opened.queryDb, () => now);
		expect(await leases.acquire('indexer', 'node-a', 10_000)).toBe(true);
		expect(await leases.acquire('indexer', 'node-b', 10_000)).toBe(false);
		expect(await leases.holder('indexer')).toBe('node-a');
		now += 9_000;
		expect(await leases.acquire('indexer', 'node-a', 10_000)).toBe(true); // renewed: now valid until +19 s
		now += 9_000;
		expect(await leases.acquire('indexer', 'node-b', 10_000)).toBe(false);
		now += 1_001;
		expect(await leases.holder('indexer')).toBeNull();
		expect(await leases.acquire('indexer', 'node-b', 10_000)).toBe(true);
		await leases.release('indexer', 'node-a'); // not a's any more: nothing happens
		expect(await leases.holder('indexer')).toBe('node-b');
		await leases.release('indexer', 'node-b');
		expect(await leases.acquire('indexer', 'node-a', 10_000)).toBe(true);
		expect(await leases.acquire('sweep', 'node-b', 10_000)).toBe(true); // leases are independent
	});

	it('runs a kept job on exactly one node; another takes over when the holder dies or closes', async () => {
		opened = await engine.open();
		let now = Date.UTC(2018, 8, 13, 9, 0);
		const leases = createLeases(opened.queryDb, () => now);
		const running = new Set<string>();
		const nodes = ['a', 'b', 'c'].map((name) => ({ name, jobs: createSingletonJobs({ leases, node: name, ttlMs: 15_000 }) }));
		for (const node of nodes) node.jobs.keep('search-indexer', recordingJob(node.name, running));
		for (const node of nodes) await node.jobs.tick();
		expect(running.size).toBe(1);
		const first = [...running][0]!;

		// The holder dies (SIGKILL: no release, no more renewals); the others wait for its lease to expire.
		const survivors = nodes.filter((n) => n.name !== first);
		running.delete(first);
		now += 10_000;
		for (const node of survivors) await node.jobs.tick();
		expect(running.size).toBe(0);
		now += 5_001;
		for (const node of survivors) await node.jobs.tick();
		expect(running.size).toBe(1);
		const second = [...running][0]!;
		expect(second).not.toBe(first);

		// A clean stop hands over at the next round, without waiting for the lease to expire.
		await survivors.find((n) => n.name === second)!.jobs.close();
		expect(running.size).toBe(0);
		for (const node of survivors) await node.jobs.tick();
		expect([...running]).toEqual(survivors.filter((n) => n.name !== second).map((n) => n.name));
		for (const node of nodes) await node.jobs.close();
	});

	it('never runs an exclusive task on two nodes at once; a node that finds it running skips it', async () => {
		opened = await engine.open();
		const leases = createLeases(opened.queryDb);
		let inside = 0;
		let most = 0;
		const task = async () => {
			most = Math.max(most, ++inside);
			await new Promise((r) => setTimeout(r, 100));
			inside -= 1;
		};
		const ran = await Promise.all(['a', 'b', 'c'].map((node) => createSingletonJobs({ leases, node }).exclusively('orphan-sweep', task)));
		expect(most).toBe(1);
		expect(ran.filter(Boolean).length).toBeGreaterThanOrEqual(1);
		expect(await leases.holder('orphan-sweep')).toBeNull(); // released once done
		expect(await createSingletonJobs({ leases, node: 'd' }).exclusively('orphan-sweep', task)).toBe(true);
	});
});

describe('singleton jobs without a database', () => {
	it('stop the job when the lease cannot be renewed, and start it again once it can', async () => {
		let reachable = true;
		const leases = {
			acquire: async () => {
				if (!reachable) throw new Error('connection refused');
				return true;
			},
			release: async () => undefined,
			holder: async () => null
		};
		const running = new Set<string>();
		const jobs = createSingletonJobs({ leases, node: 'a' });
		jobs.keep('search-indexer', recordingJob('a', running));
		await jobs.tick();
		expect(running.has('a')).toBe(true);
		reachable = false;
		await jobs.tick();
		expect(running.has('a')).toBe(false);
		reachable = true;
		await jobs.tick();
		expect(running.has('a')).toBe(true);
		await jobs.close();
	});
});
