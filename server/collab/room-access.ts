// Decides whether a viewer may read or write a real-time room: the policy's answer (server/domain/access/policy.ts).
import type { App } from '../app';
import type { RoomName } from '../shared/rooms';
import type { Viewer } from '../domain/types';

export type RoomAccess = 'write' | 'read';

/** Whoever may not read the room is told it does not exist, as the pages do (404, not 403). */
export function resolveRoomAccess(app: App, viewer: Viewer | null, room: RoomName): RoomAccess {
	if (room.kind === 'pad') return app.pads.roomAccess(viewer, room.id).mode;
	if (room.kind === 'synthesis') return app.syntheses.roomAccess(viewer, room.id);
	return room.kind === 'chat' ? app.chat.roomAccess(viewer, room.id) : app.files.roomAccess(viewer, room.id);
}
