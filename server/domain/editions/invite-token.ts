// Single-use, expiring links whose token is stored only as a hash: edition invites and speaker claims share these rules.
import { hashToken } from '../../shared/crypto';
import { AppError } from '../../shared/errors';
import { newToken } from '../../shared/ids';

type LinkRow = { used_at: string | null; expires_at: string };

/** A new secret (shown once), its stored hash and its validity window. */
export function issueLinkToken(nowMs: number, days: number) {
	const token = newToken();
	return { token, token_hash: hashToken(token), created_at: new Date(nowMs).toISOString(), expires_at: new Date(nowMs + days * 86_400_000).toISOString() };
}

/** The row behind a token, refused when unknown, used or expired (the `_` field tells the page which). */
export function usableLink<T extends LinkRow>(find: (hash: string) => T | undefined, token: string, nowMs: number): T {
	const row = find(hashToken(token));
	if (!row) throw new AppError('not_found', 'error.invite.notFound');
	if (row.used_at) throw new AppError('conflict', 'error.invite.used', { _: 'inviteUsed' });
	if (row.expires_at <= new Date(nowMs).toISOString()) throw new AppError('conflict', 'error.invite.expired', { _: 'inviteExpired' });
	return row;
}
