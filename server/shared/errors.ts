// The one application error type, with a closed set of codes mapped once to HTTP and WebSocket close codes.
export const errorCodes = ['not_found', 'forbidden', 'unauthenticated', 'invalid', 'conflict', 'too_large', 'unavailable', 'rate_limited', 'insufficient_storage'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Field name -> message key (resolved through the message catalogue by the UI). */
export type FieldErrors = Record<string, string>;

/** Values interpolated into an error's message key (`{host}`, `{seconds}`…). */
/** One translated line inside a message (a CSV row's problem): a message key and its own parameters. */
export type MessageItem = { key: string; params?: Record<string, string | number> };
/** A list parameter is translated item by item, then joined with « ; ». */
export type ErrorParams = Record<string, string | number | MessageItem[]>;

export class AppError extends Error {
	readonly isAppError = true;
	constructor(
		readonly code: ErrorCode,
		/** A message key (`error.pad.notFound`) every presenter translates in the reader's language. */
		message: string,
		readonly fields: FieldErrors = {},
		/** For rate_limited: how long to wait before trying again (Retry-After, and the translated message). */
		readonly hint: { retryAfterS?: number } = {},
		readonly params: ErrorParams = {}
	) {
		super(message);
		this.name = 'AppError';
	}
}

/** Works across bundle copies of this module (the SvelteKit build and the Node server each load one). */
export function isAppError(e: unknown): e is AppError {
	return typeof e === 'object' && e !== null && (e as { isAppError?: unknown }).isAppError === true;
}

export const httpStatusOf: Record<ErrorCode, number> = {
	not_found: 404,
	forbidden: 403,
	unauthenticated: 401,
	invalid: 400,
	conflict: 409,
	too_large: 413,
	unavailable: 503,
	insufficient_storage: 507,
	rate_limited: 429
};

/** WebSocket close codes (4000–4999 is the application range); documented in docs/collab.md. */
export const closeCodeOf: Record<ErrorCode, number> = {
	invalid: 4400,
	unauthenticated: 4401,
	forbidden: 4403,
	not_found: 4404,
	conflict: 4409,
	too_large: 4413,
	rate_limited: 4429,
	insufficient_storage: 4507,
	unavailable: 4503
};

/**
 * Not an error: the person's rights in the room changed (its workshop closed or reopened). Outside 4400–4499, which
 * stock y-websocket clients treat as final, so they reconnect at once and get their new access.
 */
export const ACCESS_CHANGED_CLOSE_CODE = 4100;

/**
 * The server's disk is full or failing: a writer's update was not taken (the document stays on the person's device).
 * Outside 4400–4499, so stock y-websocket clients reconnect by themselves and send it again once storage is back.
 */
export const STORAGE_UNAVAILABLE_CLOSE_CODE = closeCodeOf.insufficient_storage;

/**
 * The real-time endpoint's other close codes (table in docs/collab.md). Stock y-websocket clients stop for good on
 * 4400–4499 (what they sent would be refused again) and reconnect on anything else.
 */
export const collabCloseCodes = {
	/** RFC 6455: a frame larger than COLLAB_MAX_MESSAGE_BYTES (sent by the WebSocket library itself). */
	tooBig: 1009,
	/** RFC 6455: the server failed while handling a message; reconnecting resyncs. */
	internal: 1011,
	/** RFC 6455: the server is restarting or shutting down; reconnect. */
	restarting: 1012,
	accessChanged: ACCESS_CHANGED_CLOSE_CODE,
	/** A document update that cannot be read to its end, does not apply, or writes outside the room's shared types. */
	malformedUpdate: 4420,
	/** A frame that is not a y-websocket message: unknown type, truncated, or a malformed state vector or awareness update. */
	malformedMessage: 4421,
	/** A well-formed update the room's rules refuse (a chat peer editing someone else's message, a forged time). */
	refusedUpdate: 4422,
	/** Too many messages from one session: the client waits (its backoff), reconnects and resyncs. */
	slowDown: 4529,
	/** The socket could not keep up with the room: reconnect to resync. */
	tooSlow: 4508,
	/** A pad change builds on content the server does not have (lost in a crash): reconnecting sends it along. */
	resync: 4510
} as const;

export const notFound = (key: string) => new AppError('not_found', key);
export const invalid = (key: string, fields: FieldErrors = {}, params: ErrorParams = {}) => new AppError('invalid', key, fields, {}, params);
