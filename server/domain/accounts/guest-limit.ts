// Limits how fast guests are created, per client (device cookie) and per join link: a venue where everyone scans the
// same QR code at once still gets in, a script cannot fill the database with guests. Kept in memory: a restart forgets.
import { AppError } from '../../shared/errors';
import type { Clock } from '../types';

/** A token bucket: `burst` at once, then one more every `everyMs`. */
type BucketRule = { burst: number; everyMs: number };

export const GUEST_LIMITS = {
	/** A device normally keeps its guest session: a few guests (a shared kiosk), then one a minute. */
	client: { burst: 5, everyMs: 60_000 },
	/** A whole room scanning the join code in the same minute, then one every 2 s. */
	link: { burst: 60, everyMs: 2000 }
} as const satisfies Record<string, BucketRule>;

/** Buckets kept before full ones are forgotten (a full bucket is the same as no bucket). */
const SWEEP_ABOVE = 10_000;

function createBuckets(rule: BucketRule, clock: Clock) {
	const buckets = new Map<string, { tokens: number; at: number }>();
	const level = (key: string, now: number) => {
		const b = buckets.get(key);
		return b ? Math.min(rule.burst, b.tokens + (now - b.at) / rule.everyMs) : rule.burst;
	};
	return {
		/** Milliseconds until one token is there (0: now). */
		waitFor(key: string): number {
			const tokens = level(key, clock());
			return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * rule.everyMs);
		},
		take(key: string) {
			const now = clock();
			if (buckets.size > SWEEP_ABOVE) for (const k of buckets.keys()) if (level(k, now) >= rule.burst) buckets.delete(k);
			buckets.set(key, { tokens: level(key, now) - 1, at: now });
		}
	};
}

export function createGuestLimit(clock: Clock) {
	const clients = createBuckets(GUEST_LIMITS.client, clock);
	const links = createBuckets(GUEST_LIMITS.link, clock);
	return {
		/** Takes one guest creation for this client and link, or throws rate_limited with the wait. */
		take(origin: { clientId: string; link: string }) {
			const wait = Math.max(clients.waitFor(origin.clientId), links.waitFor(origin.link));
			if (wait > 0) {
				const seconds = Math.ceil(wait / 1000);
				throw new AppError('rate_limited', 'error.tooManyGuests', { _: 'tooManyGuests' }, { retryAfterS: seconds }, { seconds });
			}
			clients.take(origin.clientId);
			links.take(origin.link);
		}
	};
}
