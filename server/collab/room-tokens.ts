// Short-lived signed tokens that let a non-browser client (a script) join one real-time room without a cookie.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open';
import type { Clock } from '../domain/types';

export const ROOM_TOKEN_TTL_MS = 5 * 60 * 1000;

function instanceSecret(db: Db): Buffer {
	const existing = db.prepare<[string], { value: Buffer }>('SELECT value FROM instance_secrets WHERE name = ?').get('room-tokens');
	if (existing) return existing.value;
	const secret = randomBytes(32);
	db.prepare('INSERT OR IGNORE INTO instance_secrets (name, value, created_at) VALUES (?, ?, ?)').run('room-tokens', secret, new Date().toISOString());
	return db.prepare<[string], { value: Buffer }>('SELECT value FROM instance_secrets WHERE name = ?').get('room-tokens')!.value;
}

export function createRoomTokens(db: Db, clock: Clock) {
	const secret = instanceSecret(db);
	const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
	return {
		/** `<payload>.<signature>`; the payload names the user, the room and the expiry. */
		sign(userId: string, room: string): { token: string; expiresAt: number } {
			const expiresAt = clock() + ROOM_TOKEN_TTL_MS;
			const payload = Buffer.from(JSON.stringify({ u: userId, r: room, e: expiresAt })).toString('base64url');
			return { token: `${payload}.${mac(payload)}`, expiresAt };
		},
		/** The user id the token stands for, if it is genuine, unexpired and for this room. */
		verify(token: string, room: string): string | null {
			const [payload, signature] = token.split('.');
			if (!payload || !signature) return null;
			const expected = Buffer.from(mac(payload));
			const given = Buffer.from(signature);
			if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
			try {
				const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { u?: unknown; r?: unknown; e?: unknown };
				if (typeof claims.u !== 'string' || claims.r !== room || typeof claims.e !== 'number' || claims.e < clock()) return null;
				return claims.u;
			} catch {
				return null;
			}
		}
	};
}
export type RoomTokens = ReturnType<typeof createRoomTokens>;
