// Slows down failed log-ins per client (device cookie) and, for clients the account never used, per account; never a
// lock a stranger can put on the owner: a device the owner logged in from before is never held back by the account
// counter, and one client alone counts only a few times against an account. Never per IP: a venue shares one address.
import { AppError } from '../../shared/errors';
import type { Clock } from '../types';
import type { LoginThrottleRepo, ThrottleRow } from './login-throttle.repo';

export const LIMITS = {
	/** Failures a client makes freely; each later attempt waits, 1 s doubling up to 15 min. */
	clientFree: 5,
	/** Failures from unknown clients an account takes before those clients wait (same growing delay). */
	accountFree: 10,
	/** How many of one client's failures count against an account: a single stranger never slows the owner's new phone. */
	clientShareOfAccount: 3,
	firstDelayMs: 1000,
	maxDelayMs: 15 * 60 * 1000,
	/** A counter is forgotten after this long without a failure (past its delay). */
	quietMs: 15 * 60 * 1000
} as const;

/** A known client stays known this long after its last successful log-in (the device cookie lives 400 days). */
const KNOWN_FOR_MS = 400 * 24 * 3600 * 1000;

export function delayAfter(failures: number, free: number): number {
	return failures < free ? 0 : Math.min(LIMITS.maxDelayMs, LIMITS.firstDelayMs * 2 ** Math.min(failures - free, 30));
}

const clientKey = (deviceId: string) => `device:${deviceId}`;
const accountKey = (accountId: string) => `account:${accountId}`;
const knownKey = (accountId: string, deviceId: string) => `known:${accountId}:${deviceId}`;

export function createLoginThrottle(repo: LoginThrottleRepo, clock: Clock) {
	// Password checks take ~60 ms: attempts still being checked count, or parallel requests would all slip through.
	// Each attempt counts those that reserved a key before it (`ahead`), so of two parallel attempts the first may go.
	const inFlight = new Map<string, number>();

	/** The row while it still counts: `locked_until` is when the next attempt may be made (last failure + delay). */
	const active = async (key: string, now: number): Promise<ThrottleRow | undefined> => {
		const row = await repo.find(key);
		return row && now <= row.locked_until + LIMITS.quietMs ? row : undefined;
	};

	/** Milliseconds this key must still wait before one more attempt, counting the attempts ahead still being checked. */
	function waitFor(row: ThrottleRow | undefined, free: number, ahead: number, now: number): number {
		if ((row?.failures ?? 0) + ahead < free) return 0;
		if (row && row.locked_until > now) return row.locked_until - now;
		return ahead > 0 ? LIMITS.firstDelayMs : 0;
	}

	async function isKnown(accountId: string, deviceId: string, now: number): Promise<boolean> {
		const row = await repo.find(knownKey(accountId, deviceId));
		return !!row && now - row.first_failure_at < KNOWN_FOR_MS;
	}

	/** The keys an attempt counts against: the client always, the account only for a client it does not know. */
	async function keysOf(accountId: string | null, deviceId: string, now: number) {
		const keys: { key: string; free: number }[] = [{ key: clientKey(deviceId), free: LIMITS.clientFree }];
		if (accountId && !(await isKnown(accountId, deviceId, now))) keys.push({ key: accountKey(accountId), free: LIMITS.accountFree });
		return keys;
	}

	async function bump(key: string, free: number, now: number) {
		const row = await active(key, now);
		const failures = (row?.failures ?? 0) + 1;
		await repo.upsert({ key, failures, first_failure_at: row?.first_failure_at ?? now, locked_until: now + delayAfter(failures, free) });
	}

	function release(keys: { key: string }[]) {
		for (const { key } of keys) {
			const left = (inFlight.get(key) ?? 1) - 1;
			if (left > 0) inFlight.set(key, left);
			else inFlight.delete(key);
		}
	}

	return {
		/** Reserves one attempt, or throws rate_limited with the wait; call the returned function once the attempt is decided. */
		async begin(accountId: string | null, deviceId: string): Promise<() => void> {
			const now = clock();
			const keys = await keysOf(accountId, deviceId, now);
			// Reserved before the next await: an attempt arriving meanwhile counts this one.
			const reserved = keys.map(({ key, free }) => {
				const ahead = inFlight.get(key) ?? 0;
				inFlight.set(key, ahead + 1);
				return { key, free, ahead };
			});
			let wait: number;
			try {
				const rows = await Promise.all(reserved.map(({ key }) => active(key, now)));
				wait = Math.max(...reserved.map(({ free, ahead }, i) => waitFor(rows[i], free, ahead, now)));
			} catch (e) {
				release(keys);
				throw e;
			}
			if (wait > 0) {
				release(keys);
				const seconds = Math.ceil(wait / 1000);
				throw new AppError('rate_limited', 'error.tooManyLogins', { _: 'tooManyAttempts' }, { retryAfterS: seconds }, { seconds });
			}
			return () => release(keys);
		},
		async recordFailure(accountId: string | null, deviceId: string): Promise<void> {
			const now = clock();
			const clientFailures = (await active(clientKey(deviceId), now))?.failures ?? 0;
			await bump(clientKey(deviceId), LIMITS.clientFree, now);
			const countsForAccount = accountId && clientFailures < LIMITS.clientShareOfAccount && !(await isKnown(accountId, deviceId, now));
			if (countsForAccount) await bump(accountKey(accountId), LIMITS.accountFree, now);
		},
		/** The client is known to the account from now on; its own counter starts again. The account's stays (a stranger may still be guessing). */
		async recordSuccess(accountId: string, deviceId: string): Promise<void> {
			const now = clock();
			await repo.remove(clientKey(deviceId));
			await repo.upsert({ key: knownKey(accountId, deviceId), failures: 0, first_failure_at: now, locked_until: 0 });
		}
	};
}
