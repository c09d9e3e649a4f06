// Limits failed log-ins per account and per device (never per IP: a whole venue shares one address).
import { AppError } from '../../shared/errors';
import type { Clock } from '../types';
import type { ThrottleRow, UsersRepo } from './users.repo';

const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { account: 5, device: 20 } as const;

export function createLoginThrottle(repo: UsersRepo, clock: Clock) {
	// Password checks take ~60 ms: attempts still being checked count, or parallel requests would all slip through.
	const inFlight = new Map<string, number>();
	const keys = (accountId: string | null, deviceId: string) => [
		...(accountId ? [{ key: `account:${accountId}`, max: LIMITS.account }] : []),
		{ key: `device:${deviceId}`, max: LIMITS.device }
	];
	/** Failures that still count: none once the window or the lock has passed. */
	const activeFailures = (row: ThrottleRow | undefined, now: number) =>
		!row || (row.locked_until !== 0 && row.locked_until <= now) || now - row.first_failure_at > WINDOW_MS ? 0 : row.failures;

	function refuse(minutes: number): never {
		throw new AppError('rate_limited', `too many failed log-ins; try again in ${minutes} min`, { _: 'tooManyAttempts' });
	}

	return {
		/** Reserves one attempt for each key, or throws rate_limited; call the returned function once the attempt is decided. */
		begin(accountId: string | null, deviceId: string): () => void {
			const now = clock();
			const chosen = keys(accountId, deviceId);
			for (const { key, max } of chosen) {
				const row = repo.findThrottle(key);
				if (row && row.locked_until > now) refuse(Math.ceil((row.locked_until - now) / 60000));
				if (activeFailures(row, now) + (inFlight.get(key) ?? 0) >= max) refuse(Math.ceil(WINDOW_MS / 60000));
			}
			for (const { key } of chosen) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
			return () => {
				for (const { key } of chosen) {
					const left = (inFlight.get(key) ?? 1) - 1;
					if (left > 0) inFlight.set(key, left);
					else inFlight.delete(key);
				}
			};
		},
		recordFailure(accountId: string | null, deviceId: string) {
			const now = clock();
			for (const { key, max } of keys(accountId, deviceId)) {
				const row = repo.findThrottle(key);
				const previous = activeFailures(row, now);
				const failures = previous + 1;
				repo.upsertThrottle({
					key,
					failures,
					first_failure_at: previous === 0 || !row ? now : row.first_failure_at,
					locked_until: failures >= max ? now + WINDOW_MS : 0
				});
			}
		},
		recordSuccess(accountId: string) {
			repo.deleteThrottle(`account:${accountId}`);
		}
	};
}
