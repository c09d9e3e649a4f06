// Compresses text responses (HTML, JSON, CSS, JS, SVG…) with brotli or gzip as the request's Accept-Encoding allows.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes (when the length is known) compressing costs more than it saves. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|xml|manifest\+json|ld\+json|geo\+json|xhtml\+xml|rss\+xml|atom\+xml)|image\/svg\+xml)/i;

/** The best encoding the client accepts (brotli first), or null; `q=0` refuses one. */
export function negotiate(header: string | string[] | undefined): Encoding | null {
	const value = Array.isArray(header) ? header.join(',') : (header ?? '');
	const accepted = new Map<string, number>();
	for (const part of value.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	const quality = (name: Encoding) => accepted.get(name) ?? (accepted.get('*') ?? 0);
	if (quality('br') > 0) return 'br';
	if (quality('gzip') > 0) return 'gzip';
	return null;
}

/** Whether a response with these headers should be compressed (decided when its headers go out). */
export function compressible(res: ServerResponse): boolean {
	if (res.statusCode < 200 || res.statusCode === 204 || res.statusCode === 206 || res.statusCode === 304) return false;
	if (res.getHeader('content-encoding') !== undefined) return false; // precompressed assets, or already done
	if (/no-transform/i.test(String(res.getHeader('cache-control') ?? ''))) return false;
	if (!COMPRESSIBLE.test(String(res.getHeader('content-type') ?? ''))) return false;
	const length = Number(res.getHeader('content-length'));
	return !(Number.isFinite(length) && res.getHeader('content-length') !== undefined && length < MIN_BYTES);
}

function encoder(encoding: Encoding): zlib.Gzip | zlib.BrotliCompress {
	// Quality 2: pages are rendered per request; on a 900 kB programme it compresses in ~2 ms to 15 kB (quality 4: ~12 ms,
	// 14 kB; the default 11: seconds).
	if (encoding === 'br') return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 2 } });
	return zlib.createGzip({ level: 6 });
}

function addVary(res: ServerResponse) {
	const vary = String(res.getHeader('vary') ?? '');
	if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

type Write = ServerResponse['write'];
type End = ServerResponse['end'];
type WriteHead = ServerResponse['writeHead'];

/**
 * Wraps `res` so that its body goes through brotli or gzip when the request accepts it and the response is text.
 * Range requests and HEAD are left alone. Every `write` is flushed through: a streamed page (SvelteKit streams
 * promised data) reaches the reader chunk by chunk, not when the response ends.
 */
export function compressResponses(req: IncomingMessage, res: ServerResponse): void {
	const encoding = negotiate(req.headers['accept-encoding']);
	if (!encoding || req.method === 'HEAD' || req.headers.range !== undefined) return;
	const write = res.write.bind(res) as (chunk: unknown, encoding?: BufferEncoding) => boolean;
	const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
	const writeHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
	let stream: zlib.Gzip | zlib.BrotliCompress | null = null;
	let decided = false;

	function decide() {
		if (decided) return;
		decided = true;
		if (!compressible(res)) return;
		res.removeHeader('content-length');
		res.setHeader('Content-Encoding', encoding!);
		addVary(res);
		const s = encoder(encoding!);
		s.on('data', (chunk: Buffer) => {
			if (!write(chunk)) {
				s.pause();
				res.once('drain', () => s.resume());
			}
		});
		s.on('end', () => end());
		s.on('error', () => res.destroy());
		stream = s;
	}

	res.writeHead = function (status: number, ...rest: unknown[]) {
		// Headers given here are set first, so that the decision sees them (content-type, content-encoding).
		const headers = rest.find((r) => typeof r === 'object' && r !== null) as OutgoingHttpHeaders | unknown[] | undefined;
		const message = rest.find((r) => typeof r === 'string') as string | undefined;
		if (Array.isArray(headers)) {
			const pairs = (Array.isArray(headers[0]) ? headers : headers.flatMap((h, i) => (i % 2 ? [] : [[h, headers[i + 1]]]))) as [string, string][];
			const grouped = new Map<string, string[]>();
			for (const [name, value] of pairs) grouped.set(name, [...(grouped.get(name) ?? []), String(value)]);
			for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0]! : values);
		} else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
		res.statusCode = status;
		decide();
		return writeHead(status, message);
	} as WriteHead;

	// Writes of one event-loop turn go to the encoder together and are flushed once at the turn's end: a page
	// written in hundreds of small chunks costs one trip to the thread pool, and a streamed part still leaves at once.
	let held: Buffer[] = [];
	let heldBytes = 0;
	let turnScheduled = false;
	let drainOwed = false;
	const flushKind = encoding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
	const toBuffer = (chunk: unknown, enc?: unknown) => (typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
	function takeHeld(): Buffer {
		const chunk = held.length === 1 ? held[0]! : Buffer.concat(held);
		held = [];
		heldBytes = 0;
		return chunk;
	}
	function endOfTurn() {
		turnScheduled = false;
		if (!stream || stream.writableEnded || held.length === 0) return;
		stream.write(takeHeld());
		stream.flush(flushKind, () => {
			if (!drainOwed) return;
			drainOwed = false;
			res.emit('drain');
		});
	}

	res.write = function (chunk: unknown, enc?: unknown, callback?: unknown) {
		decide();
		if (!stream) return write.call(res, chunk, ...([enc, callback].filter((a) => a !== undefined) as [BufferEncoding]));
		const buffer = toBuffer(chunk, enc);
		held.push(buffer);
		heldBytes += buffer.length;
		if (!turnScheduled) {
			turnScheduled = true;
			setImmediate(endOfTurn);
		}
		const done = [enc, callback].find((a) => typeof a === 'function') as (() => void) | undefined;
		if (done) process.nextTick(done);
		// Writers wait for the response's 'drain' (SvelteKit's setResponse, pipes) past a megabyte held.
		if (heldBytes < 1024 * 1024) return true;
		drainOwed = true;
		return false;
	} as Write;

	res.end = function (chunk?: unknown, enc?: unknown, callback?: unknown) {
		const done = [chunk, enc, callback].find((a) => typeof a === 'function') as (() => void) | undefined;
		const body = typeof chunk === 'function' ? undefined : chunk;
		if (!decided && body !== undefined && body !== null && !res.headersSent && res.getHeader('content-length') === undefined) {
			// A whole body in one call: its length decides whether it is worth compressing.
			res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : (body as Buffer).length);
		}
		decide();
		if (!stream) return end.call(res, ...([chunk, enc, callback].filter((a) => a !== undefined) as [unknown]));
		if (done) res.once('finish', done);
		if (body !== undefined && body !== null) {
			const buffer = toBuffer(body, enc);
			held.push(buffer);
		}
		stream.end(held.length > 0 ? takeHeld() : undefined);
		return res;
	} as End;
}
