// Real-time room names: one Y.Doc per room, addressed as /collab/<kind>:<id>.
export const roomKinds = ['pad', 'chat', 'drive'] as const;
export type RoomKind = (typeof roomKinds)[number];
export type RoomName = { kind: RoomKind; id: string };

export const COLLAB_PATH = '/collab/';

export const formatRoom = (room: RoomName) => `${room.kind}:${room.id}`;

export function parseRoom(name: string): RoomName | null {
	const match = /^(pad|chat|drive):([a-z0-9]{8,40})$/.exec(name);
	return match ? { kind: match[1] as RoomKind, id: match[2]! } : null;
}
