// The desk's live feed as server-sent events: help requests at once, writing activity at most once a second per workshop.
import { handleApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

const KEEPALIVE_MS = 15_000;

export const GET: RequestHandler = handleApi(
	({ locals, params, request }) => {
		// Staff of the edition only: anyone else gets the same 404 as for an unknown edition.
		locals.app.helpRequests.pending(locals.viewer, params.editionId);
		const encoder = new TextEncoder();
		let stop = () => {};
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				const send = (text: string) => {
					try {
						controller.enqueue(encoder.encode(text));
					} catch {
						stop();
					}
				};
				send('retry: 2000\n\n');
				const unsubscribe = locals.app.deskEvents.subscribe(params.editionId, (event) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
				const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
				stop = () => {
					unsubscribe();
					clearInterval(keepalive);
				};
				request.signal.addEventListener('abort', () => {
					stop();
					try {
						controller.close();
					} catch {
						// already closed
					}
				});
			},
			cancel() {
				stop();
			}
		});
		return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
	},
	{ checkToken: false }
);
