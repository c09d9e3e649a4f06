// Limits failed log-ins per account and per device (never per IP: a whole venue shares one address).
import { AppError } from '../../shared/errors';
import type { Clock } from '../types';
import type { UsersRepo } from './users.repo';

const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { account: 5, device: 20 } as const;

export function createLoginThrottle(repo: UsersRepo, clock: Clock) {
	const keys = (accountId: string | null, deviceId: string) => [
		...(accountId ? [{ key: `account:${accountId}`, max: LIMITS.account }] : []),
		{ key: `device:${deviceId}`, max: LIMITS.device }
	];
	return {
		/** Throws rate_limited while any of the keys is locked. */
		assertAllowed(accountId: string | null, deviceId: string) {
			const now = clock();
			for (const { key } of keys(accountId, deviceId)) {
				const row = repo.findThrottle(key);
				if (row && row.locked_until > now) {
					const minutes = Math.ceil((row.locked_until - now) / 60000);
					throw new AppError('rate_limited', `too many failed log-ins; try again in ${minutes} min`, { _: 'tooManyAttempts' });
				}
			}
		},
		recordFailure(accountId: string | null, deviceId: string) {
			const now = clock();
			for (const { key, max } of keys(accountId, deviceId)) {
				const row = repo.findThrottle(key);
				const fresh = !row || now - row.first_failure_at > WINDOW_MS;
				const failures = fresh ? 1 : row.failures + 1;
				repo.upsertThrottle({
					key,
					failures,
					first_failure_at: fresh ? now : row.first_failure_at,
					locked_until: failures >= max ? now + WINDOW_MS : 0
				});
			}
		},
		recordSuccess(accountId: string) {
			repo.deleteThrottle(`account:${accountId}`);
		}
	};
}
