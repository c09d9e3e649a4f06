// What the real-time endpoint asks of the application (the RoomGate port): who a connection is, what the policy lets it do in a room, whether a pad is locked.
import type { Db } from '../db/open';
import type { AccountsService } from '../domain/accounts/accounts.service';
import type { SessionsService } from '../domain/accounts/sessions.service';
import type { ChatService } from '../domain/chat/chat.service';
import type { WorkshopClosure } from '../domain/deliverables/workshop-closure';
import type { AssistedService } from '../domain/desk/assisted.service';
import type { FilesService } from '../domain/files/files.service';
import type { PadsService } from '../domain/pads/pads.service';
import type { SynthesesService } from '../domain/proceedings/syntheses.service';
import type { Viewer } from '../domain/types';
import type { RoomName } from '../shared/rooms';
import type { RoomTokens } from './room-tokens';

export type RoomAccess = 'write' | 'read';

/** The use cases that answer for each room kind (the policy's answer, server/domain/access/policy.ts). */
export type RoomServices = {
	pads: Pick<PadsService, 'roomAccess'>;
	syntheses: Pick<SynthesesService, 'roomAccess'>;
	chat: Pick<ChatService, 'roomAccess'>;
	files: Pick<FilesService, 'roomAccess'>;
};

/** Whoever may not read the room is told it does not exist, as the pages do (404, not 403). */
export function resolveRoomAccess(services: RoomServices, viewer: Viewer | null, room: RoomName): RoomAccess {
	if (room.kind === 'pad') return services.pads.roomAccess(viewer, room.id).mode;
	if (room.kind === 'synthesis') return services.syntheses.roomAccess(viewer, room.id);
	return room.kind === 'chat' ? services.chat.roomAccess(viewer, room.id) : services.files.roomAccess(viewer, room.id);
}

/** All the endpoint needs to admit a connection and keep its rights current (its room-facts cache reads the first five). */
export type RoomGate = {
	/** The database, for the room-facts cache's access generation only (room-facts.ts). */
	db: Db;
	clock: () => number;
	/** The sessions service's own lookup (it renews a session past half its life). */
	validateSession(token: string): ReturnType<SessionsService['validate']>;
	/** 'write' or 'read'; throws an AppError (not_found) when the viewer may not read the room. */
	resolveAccess(viewer: Viewer | null, room: RoomName): RoomAccess;
	/** Whether the pad's workshop has locked it (slot over, or closed by a facilitator). */
	padLocked(padId: string): boolean;
	/** Short-lived room tokens (scripts without a cookie, writing on someone's behalf). */
	roomTokens: Pick<RoomTokens, 'verify' | 'claims'>;
	viewerOf(userId: string): Viewer | null;
	/** Whether this helper's accepted session lets them write as this participant in this pad now. */
	assistedActive(padId: string, participantId: string, helperId: string): boolean;
};

export function createRoomGate(deps: {
	db: Db;
	clock: () => number;
	sessions: Pick<SessionsService, 'validate'>;
	roomTokens: Pick<RoomTokens, 'verify' | 'claims'>;
	accounts: Pick<AccountsService, 'getViewer'>;
	services: RoomServices;
	workshopClosure: Pick<WorkshopClosure, 'padLocked'>;
	assisted: Pick<AssistedService, 'isActive'>;
}): RoomGate {
	return {
		db: deps.db,
		clock: deps.clock,
		validateSession: (token) => deps.sessions.validate(token),
		resolveAccess: (viewer, room) => resolveRoomAccess(deps.services, viewer, room),
		padLocked: (padId) => deps.workshopClosure.padLocked(padId),
		roomTokens: deps.roomTokens,
		viewerOf: (userId) => deps.accounts.getViewer(userId),
		assistedActive: (padId, participantId, helperId) => deps.assisted.isActive(padId, participantId, helperId)
	};
}
