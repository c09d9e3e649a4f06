// The drive upload route behind a real HTTP server, reading bodies as adapter-node does (same size limit), for the storage tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequest, setResponse } from '@sveltejs/kit/node';
import type { App } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';
import { POST } from '../../../src/routes/editions/[editionId]/workshops/[workshopId]/drive/upload/+server';

type Route = { editionId: string; workshopId: string };

export async function startUploadServer(app: App, viewer: Viewer, route: Route) {
	// What server/main.ts gives adapter-node: the upload limit plus room for the multipart envelope.
	const bodySizeLimit = app.files.limits.uploadMaxBytes + 64 * 1024;
	const server = http.createServer(async (req, res) => {
		const request = await getRequest({ request: req, base: 'http://127.0.0.1', bodySizeLimit });
		const event = { request, locals: { app, viewer }, params: route };
		let response: Response;
		try {
			response = await (POST as unknown as (e: typeof event) => Promise<Response>)(event);
		} catch {
			// What SvelteKit answers for anything the route lets through (handleError).
			response = Response.json({ message: 'Internal error' }, { status: 500 });
		}
		await setResponse(res, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		/** Posts one file as multipart; without Content-Length when `streamed` (chunked, as a browser's stream upload). */
		async upload(name: string, bytes: Buffer, options: { streamed?: boolean } = {}): Promise<{ status: number; body: { error?: { code: string; message: string; fields: Record<string, string> } } }> {
			const boundary = 'medialab-test-boundary';
			const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
			const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
			const body = Buffer.concat([head, bytes, tail]);
			const headers: http.OutgoingHttpHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: `http://127.0.0.1:${port}` };
			if (!options.streamed) headers['content-length'] = body.length;
			return new Promise((resolve, reject) => {
				const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/upload', headers }, (res) => {
					const parts: Buffer[] = [];
					res.on('data', (c: Buffer) => parts.push(c));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || '{}') }));
				});
				// The server may answer and close before the whole body is sent.
				req.on('error', reject);
				for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
				req.end();
			});
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
