// Who may read or write a real-time room: the collab layer's answer, reached by routes through the one door.
export { resolveRoomAccess } from '$server/collab/room-access';
