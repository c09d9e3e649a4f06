// GET /api/collab-token?room=pad:<id>: a 5-minute token for a script to join a real-time room without a cookie.
import { AppError } from '$server/shared/errors';
import { COLLAB_PATH, formatRoom, parseRoom } from '$server/shared/rooms';
import { resolveRoomAccess } from '$lib/server/room-access';
import { handleApi, json, methodFallback } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(({ locals, url }) => {
	if (!locals.viewer) throw new AppError('unauthenticated', 'error.api.tokenRequired');
	const room = parseRoom(url.searchParams.get('room') ?? '');
	if (!room) throw new AppError('invalid', 'error.collabToken.room', { room: 'invalid' });
	const access = resolveRoomAccess(locals.app, locals.viewer, room);
	const name = formatRoom(room);
	const { token, expiresAt } = locals.app.roomTokens.sign(locals.viewer.id, name);
	const scheme = url.protocol === 'https:' ? 'wss' : 'ws';
	return json({
		room: name,
		access,
		token,
		expiresAt: new Date(expiresAt).toISOString(),
		serverUrl: `${scheme}://${url.host}${COLLAB_PATH.slice(0, -1)}`,
		url: `${scheme}://${url.host}${COLLAB_PATH}${name}?token=${token}`
	});
});

export const fallback: RequestHandler = methodFallback;
