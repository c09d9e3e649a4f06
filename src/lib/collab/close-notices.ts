// What a person is told when the real-time server closes a room's connection: one message per close code (docs/collab.md).
import { closeCodeOf, collabCloseCodes } from '$server/shared/errors';
import type { MessageKey } from '$lib/i18n/catalogue';

/** `final`: the stock client will not reconnect (4400–4499): the page says what to do instead. */
export type CloseNotice = { key: MessageKey; params?: Record<string, string | number>; final: boolean };

const notices = new Map<number, MessageKey>([
	[collabCloseCodes.malformedUpdate, 'collab.closed.malformedUpdate'],
	[collabCloseCodes.malformedMessage, 'collab.closed.malformedMessage'],
	[collabCloseCodes.refusedUpdate, 'collab.closed.refusedUpdate'],
	[collabCloseCodes.slowDown, 'collab.closed.slowDown'],
	[collabCloseCodes.tooSlow, 'collab.closed.tooSlow'],
	[collabCloseCodes.resync, 'collab.closed.resync'],
	[collabCloseCodes.tooBig, 'collab.closed.tooBig'],
	[collabCloseCodes.internal, 'collab.closed.internal'],
	[collabCloseCodes.restarting, 'collab.closed.restarting'],
	[collabCloseCodes.accessChanged, 'collab.closed.accessChanged'],
	[closeCodeOf.invalid, 'collab.closed.invalid'],
	[closeCodeOf.unauthenticated, 'collab.closed.unauthenticated'],
	[closeCodeOf.forbidden, 'collab.closed.forbidden'],
	[closeCodeOf.not_found, 'collab.closed.notFound'],
	[closeCodeOf.rate_limited, 'collab.closed.tooManyConnections'],
	[closeCodeOf.unavailable, 'collab.closed.unavailable'],
	[closeCodeOf.insufficient_storage, 'collab.closed.storage'],
	[1001, 'collab.closed.restarting']
]);

/** Null for a close that says nothing (the network dropped, the page is leaving): the status shows « connecting ». */
export function closeNoticeOf(code: number): CloseNotice | null {
	const final = code >= 4400 && code < 4500;
	const key = notices.get(code);
	if (key) return { key, final };
	if (code < 4000 && code !== 1009 && code !== 1011) return null;
	return { key: 'collab.closed.unknown', params: { code }, final };
}
