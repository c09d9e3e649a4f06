// Contract of the login throttle on both engines: the repository keeps counters exactly, and two app nodes sharing
// one PostgreSQL slow the same stranger down together (a rate limit holds whichever node a request reaches).
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS, createLoginThrottle } from '../../../server/domain/accounts/login-throttle';
import { createLoginThrottleRepo } from '../../../server/domain/accounts/login-throttle.repo';
import { repositoryEngines, type OpenedEngine } from '../../support/engines';

const engines = repositoryEngines();

describe.each(engines)('login throttle on $name', (engine) => {
	let opened: OpenedEngine | undefined;
	afterEach(async () => opened?.close());

	it('finds, upserts and removes a counter, with times past 32 bits intact', async () => {
		opened = await engine.open();
		const repo = createLoginThrottleRepo(opened.queryDb);
		expect(await repo.find('device:d1')).toBeUndefined();
		const at = Date.UTC(2018, 8, 13, 14, 2);
		await repo.upsert({ key: 'device:d1', failures: 1, first_failure_at: at, locked_until: at + 1000 });
		await repo.upsert({ key: 'device:d1', failures: 2, first_failure_at: at, locked_until: at + 2000 });
		await repo.upsert({ key: 'device:d2', failures: 7, first_failure_at: at, locked_until: at });
		expect(await repo.find('device:d1')).toEqual({ key: 'device:d1', failures: 2, first_failure_at: at, locked_until: at + 2000 });
		await repo.remove('device:d1');
		expect(await repo.find('device:d1')).toBeUndefined();
		expect((await repo.find('device:d2'))?.failures).toBe(7);
	});

	it('slows a client down after its free attempts, whichever of two nodes it reaches', async () => {
		opened = await engine.open();
		let now = Date.UTC(2018, 8, 13, 9, 0);
		const clock = () => now;
		// Two nodes: each has its own throttle (and its own in-flight count) over the one database.
		const nodes = [createLoginThrottle(createLoginThrottleRepo(opened.queryDb), clock), createLoginThrottle(createLoginThrottleRepo(opened.queryDb), clock)];
		for (let i = 0; i < LIMITS.clientFree; i++) {
			const node = nodes[i % 2]!;
			const done = await node.begin('account-1', 'stranger');
			done();
			await node.recordFailure('account-1', 'stranger');
		}
		for (const node of nodes) await expect(node.begin('account-1', 'stranger')).rejects.toMatchObject({ code: 'rate_limited' });
		// The owner, on a device the account knows, is not held back by the stranger's failures.
		await nodes[0]!.recordSuccess('account-1', 'owner-phone');
		const done = await nodes[1]!.begin('account-1', 'owner-phone');
		done();
		now += LIMITS.maxDelayMs + LIMITS.quietMs + 1;
		const later = await nodes[1]!.begin('account-1', 'stranger');
		later();
	});
});
