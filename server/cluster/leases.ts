// Leases over the instance's database (SQLite embedded, PostgreSQL for several nodes), written once: one atomic upsert
// takes a free or expired lease, or renews one's own. Times are the nodes' clocks, which a cluster keeps in step (NTP);
// a lease outlives a skew far smaller than its length.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { QueryDb } from '../db/query-db';

export type Leases = {
	/** Takes the lease if it is free, expired or already ours, for `ttlMs` from now; true when we hold it. */
	acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
	/** Gives the lease up at once if we hold it, so that another node need not wait for it to expire. */
	release(name: string, holder: string): Promise<void>;
	/** Who holds the lease now, or null when it is free or expired. */
	holder(name: string): Promise<string | null>;
};

/** A name for this process, unique in the cluster: host, pid, and a random part against reused pids. */
export function nodeName(): string {
	return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function createLeases(db: QueryDb, clock: () => number = Date.now): Leases {
	return {
		async acquire(name, holder, ttlMs) {
			const now = clock();
			const taken = await db
				.insertInto('leases')
				.values({ name, holder, acquired_at: now, expires_at: now + ttlMs })
				.onConflict((conflict) =>
					conflict
						.column('name')
						.doUpdateSet((eb) => ({
							holder: eb.ref('excluded.holder'),
							expires_at: eb.ref('excluded.expires_at'),
							acquired_at: eb.case().when('leases.holder', '=', holder).then(eb.ref('leases.acquired_at')).else(eb.ref('excluded.acquired_at')).end()
						}))
						.where((eb) => eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<=', now)]))
				)
				.returning('holder')
				.executeTakeFirst();
			return taken?.holder === holder;
		},
		async release(name, holder) {
			await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
		},
		async holder(name) {
			const row = await db.selectFrom('leases').select(['holder', 'expires_at']).where('name', '=', name).executeTakeFirst();
			return row && row.expires_at > clock() ? row.holder : null;
		}
	};
}
