// Decides whether a viewer may read or write a real-time room, through the domain's access rules.
import type { App } from '../app';
import { AppError } from '../shared/errors';
import type { RoomName } from '../shared/rooms';
import { isChatOpenToReaders } from '../domain/chat/chat.service';
import type { Viewer } from '../domain/types';

export type RoomAccess = 'write' | 'read';

export function resolveRoomAccess(app: App, viewer: Viewer | null, room: RoomName): RoomAccess {
	if (room.kind === 'pad') {
		const { mode, canFacilitate } = app.pads.roomAccess(viewer, room.id);
		// Once a workshop has closed, its participants read its pads; facilitators may still correct them.
		return mode === 'write' && !canFacilitate && app.workshopClosure.padLocked(room.id) ? 'read' : mode;
	}
	// chat and drive rooms belong to a workshop
	const { access, isParticipant, status, edition } = app.workshops.rights(viewer, room.id);
	// The drive's entries are written by the server only, after the bytes are stored: its members read it live.
	if (access.canFacilitate || isParticipant) return room.kind === 'drive' ? 'read' : 'write';
	if (room.kind === 'chat' ? isChatOpenToReaders(status, edition) : status === 'closed') return 'read';
	throw new AppError(viewer ? 'forbidden' : 'unauthenticated', 'join the workshop first');
}
