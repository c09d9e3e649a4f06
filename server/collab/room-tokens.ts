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

export type RoomTokenClaims = { userId: string; helperId: string | null };

export function createRoomTokens(db: Db, clock: Clock) {
	const secret = instanceSecret(db);
	const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

	/** Who the token speaks for and who helps them (null for a plain token), if it is genuine, unexpired and for this room. */
	function claims(token: string, room: string): RoomTokenClaims | null {
		const [payload, signature] = token.split('.');
		if (!payload || !signature) return null;
		const expected = Buffer.from(mac(payload));
		const given = Buffer.from(signature);
		if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
		try {
			const read = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { u?: unknown; r?: unknown; e?: unknown; h?: unknown };
			if (typeof read.u !== 'string' || read.r !== room || typeof read.e !== 'number' || read.e < clock()) return null;
			return { userId: read.u, helperId: typeof read.h === 'string' ? read.h : null };
		} catch {
			return null;
		}
	}

	return {
		/**
		 * `<payload>.<signature>`; the payload names the user, the room and the expiry, and for writing on someone's
		 * behalf the helper (`h`): such a token is only good together with the helper's own session (collab/endpoint.ts).
		 */
		sign(userId: string, room: string, helperId?: string): { token: string; expiresAt: number } {
			const expiresAt = clock() + ROOM_TOKEN_TTL_MS;
			const payload = Buffer.from(JSON.stringify({ u: userId, r: room, e: expiresAt, ...(helperId ? { h: helperId } : {}) })).toString('base64url');
			return { token: `${payload}.${mac(payload)}`, expiresAt };
		},
		/** The user id a plain token stands for, if it is genuine, unexpired and for this room; null for a helper's token. */
		verify(token: string, room: string): string | null {
			const found = claims(token, room);
			return found && found.helperId === null ? found.userId : null;
		},
		claims
	};
}
export type RoomTokens = ReturnType<typeof createRoomTokens>;
