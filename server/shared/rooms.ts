// Real-time room names: one Y.Doc per room, addressed as /collab/<kind>:<id>.
/** `synthesis`: an edition's synthesis of a theme, written like a pad (same document shape, history and checks). */
export const roomKinds = ['pad', 'chat', 'drive', 'synthesis'] as const;
export type RoomKind = (typeof roomKinds)[number];
export type RoomName = { kind: RoomKind; id: string };

export const COLLAB_PATH = '/collab/';

/** Kinds whose document is a pad's (Tiptap fragment, PadShape, versions, Markdown). */
export const isPadLike = (kind: RoomKind) => kind === 'pad' || kind === 'synthesis';

export const formatRoom = (room: RoomName) => `${room.kind}:${room.id}`;

export function parseRoom(name: string): RoomName | null {
	const match = /^(pad|chat|drive|synthesis):([a-z0-9]{8,40})$/.exec(name);
	return match ? { kind: match[1] as RoomKind, id: match[2]! } : null;
}
