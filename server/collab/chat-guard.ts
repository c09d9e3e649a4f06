// Checks what a chat peer sends: appends of its own well-formed messages only (no edits, deletions or borrowed names).
import * as Y from 'yjs';
import { chatMessages, parseChatEntry } from '../shared/chat-doc';
import type { UpdateGuard } from './room';

/**
 * The only place a chat room's content is read on the live path. Items of an update name their parent only
 * when they have no neighbour, so the check replays the update on a copy of the room's document (a chat
 * keeps at most a few hundred messages, and people type slowly). Moderation and the archive are the
 * server's own updates: they reach `applied` without being checked.
 */
export function createChatGuard(initialState: Uint8Array): UpdateGuard {
	const mirror = new Y.Doc();
	Y.applyUpdate(mirror, initialState);

	function refuse(update: Uint8Array, authorId: string | null): string | null {
		const probe = new Y.Doc();
		Y.applyUpdate(probe, Y.encodeStateAsUpdate(mirror));
		let refusal: string | null = null;
		probe.on('afterTransaction', (tr: Y.Transaction) => {
			for (const type of tr.changed.keys()) if (type !== chatMessages(probe)) refusal ??= 'peers may only append messages to the chat';
			if (tr.deleteSet.clients.size > 0) refusal ??= 'chat messages cannot be deleted or edited by peers';
		});
		chatMessages(probe).observe((event) => {
			for (const change of event.changes.delta) {
				for (const value of change.insert instanceof Array ? change.insert : []) {
					const entry = parseChatEntry(value);
					if (!entry || 'hidden' in entry) refusal ??= 'not a chat message';
					else if (entry.authorId !== authorId) refusal ??= 'a message must carry its own author';
				}
			}
		});
		try {
			Y.applyUpdate(probe, update);
		} catch (e) {
			refusal ??= `malformed update: ${(e as Error).message}`;
		}
		probe.destroy();
		return refusal;
	}

	return {
		refuse,
		applied: (update) => Y.applyUpdate(mirror, update)
	};
}
