import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses, negotiate } from '../../../server/http/compression';

const page = `<!doctype html><html><body>${'<p>Atelier contributif : prise de notes collective.</p>'.repeat(400)}</body></html>`;
const json = JSON.stringify({ workshops: Array.from({ length: 300 }, (_, i) => ({ id: i, title: `Atelier ${i}` })) });
const png = Buffer.alloc(4096, 7);
const big = Buffer.from(Array.from({ length: 60_000 }, (_, i) => `<li>section ${i} ${(i * 7919) % 10007}</li>`).join(''));

let server: http.Server;
let base = '';

/** Responses written the ways SvelteKit (writeHead then writes) and sirv (headers object, precompressed files) write them. */
beforeAll(async () => {
	server = http.createServer((req, res) => {
		compressResponses(req, res);
		const url = req.url ?? '/';
		if (url === '/page') {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.writeHead(200);
			res.write(page.slice(0, 10_000));
			// The rest comes later, as a streamed promise would: the first part must already have arrived.
			setTimeout(() => res.end(page.slice(10_000)), 150);
		} else if (url === '/json') res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) }).end(json);
		else if (url === '/small') {
			res.setHeader('content-type', 'text/plain');
			res.end('ok');
		}
		else if (url === '/png') res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
		else if (url === '/precompressed') res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'br' }).end(zlib.brotliCompressSync(page));
		else if (url === '/implicit') {
			res.setHeader('content-type', 'text/css');
			res.end(page);
		} else if (url === '/big') {
			// Written as SvelteKit's setResponse writes: wait for 'drain' whenever write says so.
			res.writeHead(200, { 'content-type': 'text/html' });
			let i = 0;
			const next = () => {
				while (i < big.length) {
					const ok = res.write(big.subarray(i, (i += 65_536)));
					if (!ok) return void res.once('drain', next);
				}
				res.end();
			};
			next();
		} else res.writeHead(404).end();
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type Got = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; firstChunkAt: number; endAt: number };

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const req = http.request(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			let firstChunkAt = -1;
			res.on('data', (c: Buffer) => {
				if (firstChunkAt < 0) firstChunkAt = performance.now() - t0;
				chunks.push(c);
			});
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), firstChunkAt, endAt: performance.now() - t0 }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('negotiate', () => {
	it('prefers brotli, falls back to gzip, honours q=0 and *', () => {
		expect(negotiate('gzip, deflate, br')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('br;q=0, gzip;q=0.8')).toBe('gzip');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate(undefined)).toBeNull();
		expect(negotiate('*')).toBe('br');
	});
});

describe('compressed responses', () => {
	it('sends a streamed HTML page in brotli, its first part before the rest is written', async () => {
		const got = await get('/page', { 'accept-encoding': 'gzip, br' });
		expect(got.headers['content-encoding']).toBe('br');
		expect(got.headers.vary).toMatch(/accept-encoding/i);
		expect(zlib.brotliDecompressSync(got.body).toString()).toBe(page);
		expect(got.body.length).toBeLessThan(page.length / 5);
		// Ordering, not timing: the first bytes arrived before the server wrote the end.
		expect(got.firstChunkAt).toBeLessThan(got.endAt);
		expect(zlib.brotliDecompressSync(got.body).length).toBe(Buffer.byteLength(page));
	});

	it('streams a large page written with backpressure to its end', async () => {
		const got = await get('/big', { 'accept-encoding': 'gzip' });
		expect(zlib.gunzipSync(got.body).equals(big)).toBe(true);
	});

	it('sends JSON in gzip without its stale Content-Length', async () => {
		const got = await get('/json', { 'accept-encoding': 'gzip' });
		expect(got.headers['content-encoding']).toBe('gzip');
		expect(got.headers['content-length']).toBeUndefined();
		expect(zlib.gunzipSync(got.body).toString()).toBe(json);
	});

	it('compresses a body given at once to end(), with implicit headers', async () => {
		const got = await get('/implicit', { 'accept-encoding': 'gzip' });
		expect(got.headers['content-encoding']).toBe('gzip');
		expect(zlib.gunzipSync(got.body).toString()).toBe(page);
	});

	it('leaves alone: no Accept-Encoding, images, tiny bodies, precompressed files, ranges, HEAD', async () => {
		const plain = await get('/json');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(json);
		const image = await get('/png', { 'accept-encoding': 'br' });
		expect(image.headers['content-encoding']).toBeUndefined();
		expect(image.body.equals(png)).toBe(true);
		const small = await get('/small', { 'accept-encoding': 'br' });
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(small.body.toString()).toBe('ok');
		const pre = await get('/precompressed', { 'accept-encoding': 'br' });
		expect(zlib.brotliDecompressSync(pre.body).toString()).toBe(page);
		const ranged = await get('/json', { 'accept-encoding': 'gzip', range: 'bytes=0-9' });
		expect(ranged.headers['content-encoding']).toBeUndefined();
		const head = await get('/json', { 'accept-encoding': 'gzip' }, 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.headers['content-length']).toBe(String(Buffer.byteLength(json)));
	});
});
