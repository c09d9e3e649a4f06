// Slows down failed log-ins per client (device cookie) and, for clients the account never used, per account; never a
// lock a stranger can put on the owner: a device the owner logged in from before is never held back by the account
// counter, and one client alone counts only a few times against an account. Never per IP: a venue shares one address.
import { AppError } from '../../shared/errors';
import type { Clock } from '../types';
import type { ThrottleRow, UsersRepo } from './users.repo';

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

export function createLoginThrottle(repo: UsersRepo, clock: Clock) {
	// Password checks take ~60 ms: attempts still being checked count, or parallel requests would all slip through.
	const inFlight = new Map<string, number>();

	/** The row while it still counts: `locked_until` is when the next attempt may be made (last failure + delay). */
	const active = (key: string, now: number): ThrottleRow | undefined => {
		const row = repo.findThrottle(key);
		return row && now <= row.locked_until + LIMITS.quietMs ? row : undefined;
	};

	/** Milliseconds this key must still wait before one more attempt, counting attempts being checked. */
	function waitFor(key: string, free: number, now: number): number {
		const row = active(key, now);
		const pending = inFlight.get(key) ?? 0;
		if ((row?.failures ?? 0) + pending < free) return 0;
		if (row && row.locked_until > now) return row.locked_until - now;
		return pending > 0 ? LIMITS.firstDelayMs : 0;
	}

	function isKnown(accountId: string, deviceId: string, now: number): boolean {
		const row = repo.findThrottle(knownKey(accountId, deviceId));
		return !!row && now - row.first_failure_at < KNOWN_FOR_MS;
	}

	/** The keys an attempt counts against: the client always, the account only for a client it does not know. */
	function keysOf(accountId: string | null, deviceId: string, now: number) {
		const keys: { key: string; free: number }[] = [{ key: clientKey(deviceId), free: LIMITS.clientFree }];
		if (accountId && !isKnown(accountId, deviceId, now)) keys.push({ key: accountKey(accountId), free: LIMITS.accountFree });
		return keys;
	}

	function bump(key: string, free: number, now: number) {
		const row = active(key, now);
		const failures = (row?.failures ?? 0) + 1;
		repo.upsertThrottle({ key, failures, first_failure_at: row?.first_failure_at ?? now, locked_until: now + delayAfter(failures, free) });
	}

	return {
		/** Reserves one attempt, or throws rate_limited with the wait; call the returned function once the attempt is decided. */
		begin(accountId: string | null, deviceId: string): () => void {
			const now = clock();
			const keys = keysOf(accountId, deviceId, now);
			const wait = Math.max(...keys.map(({ key, free }) => waitFor(key, free, now)));
			if (wait > 0) {
				const seconds = Math.ceil(wait / 1000);
				throw new AppError('rate_limited', 'error.tooManyLogins', { _: 'tooManyAttempts' }, { retryAfterS: seconds }, { seconds });
			}
			for (const { key } of keys) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
			return () => {
				for (const { key } of keys) {
					const left = (inFlight.get(key) ?? 1) - 1;
					if (left > 0) inFlight.set(key, left);
					else inFlight.delete(key);
				}
			};
		},
		recordFailure(accountId: string | null, deviceId: string) {
			const now = clock();
			const clientFailures = active(clientKey(deviceId), now)?.failures ?? 0;
			bump(clientKey(deviceId), LIMITS.clientFree, now);
			const countsForAccount = accountId && clientFailures < LIMITS.clientShareOfAccount && !isKnown(accountId, deviceId, now);
			if (countsForAccount) bump(accountKey(accountId), LIMITS.accountFree, now);
		},
		/** The client is known to the account from now on; its own counter starts again. The account's stays (a stranger may still be guessing). */
		recordSuccess(accountId: string, deviceId: string) {
			const now = clock();
			repo.deleteThrottle(clientKey(deviceId));
			repo.upsertThrottle({ key: knownKey(accountId, deviceId), failures: 0, first_failure_at: now, locked_until: 0 });
		}
	};
}
