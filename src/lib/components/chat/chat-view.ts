// Pure helpers of the chat view: merge live and archived entries, describe what a reply quotes, call the JSON endpoints.
import type { ChatEntry } from '$server/shared/chat-doc';

export type ReplyQuote = { kind: 'message'; name: string; excerpt: string; id: string } | { kind: 'older' } | { kind: 'hidden' };
export type HiddenView = { message: Extract<ChatEntry, { text: string }>; hidden: { byId: string; byName: string; at: number } };

const EXCERPT = 120;

/** Archived pages then the live document, each message once (an entry may be in both while the archive catches up). */
export function mergeEntries(older: ChatEntry[], live: ChatEntry[]): ChatEntry[] {
	const liveIds = new Set(live.map((e) => e.id));
	return [...older.filter((e) => !liveIds.has(e.id)), ...live];
}

export function quoteOf(entry: ChatEntry, byId: Map<string, ChatEntry>): ReplyQuote | null {
	if ('hidden' in entry || !entry.replyTo) return null;
	const target = byId.get(entry.replyTo);
	if (!target) return { kind: 'older' };
	if ('hidden' in target) return { kind: 'hidden' };
	const excerpt = target.text.length > EXCERPT ? `${target.text.slice(0, EXCERPT)}…` : target.text;
	return { kind: 'message', name: target.authorName, excerpt, id: target.id };
}

/** Calls one of the chat's JSON endpoints; throws with the server's error code when it refuses. */
export async function callChat<T>(url: string, body?: unknown): Promise<T> {
	const response = await fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const data = (await response.json().catch(() => null)) as (T & { error?: { code: string } }) | null;
	if (!response.ok || !data) throw new Error(data?.error?.code ?? `http_${response.status}`);
	return data;
}
