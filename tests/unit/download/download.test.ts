import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Download, filenameFrom } from '../../../src/lib/components/download/download.svelte';

// A real HTTP server: a zip that takes a moment to prepare and comes in chunks, with or without its length.
let server: http.Server;
let base: string;
let release: () => void = () => {};
beforeAll(async () => {
	server = http.createServer((req, res) => {
		if (req.url === '/refused') return void res.writeHead(403).end('no');
		const sized = req.url === '/sized';
		const body = Buffer.alloc(300_000, 7);
		// Headers only once the test lets the server finish « preparing ».
		const go = () => {
			res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="nec-2018-archive.zip"', ...(sized ? { 'Content-Length': String(body.length) } : {}) });
			for (let i = 0; i < body.length; i += 60_000) res.write(body.subarray(i, i + 60_000));
			res.end();
		};
		if (req.url === '/slow') release = go;
		else go();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a download with feedback', () => {
	it('is « preparing » until the server answers, then hands the whole file over under the server’s name', async () => {
		const saved: { blob: Blob; name: string }[] = [];
		const download = new Download((blob, name) => saved.push({ blob, name }));
		const running = download.start(`${base}/slow`, 'archive.zip');
		await new Promise((r) => setTimeout(r, 50));
		expect(download.phase).toBe('preparing');
		expect(download.busy).toBe(true);
		// A second click while it runs starts nothing.
		const second = download.start(`${base}/slow`, 'archive.zip');
		release();
		await Promise.all([running, second]);
		expect(download.phase).toBe('done');
		expect(saved).toHaveLength(1);
		expect(saved[0]!.name).toBe('nec-2018-archive.zip');
		expect(saved[0]!.blob.size).toBe(300_000);
		expect(download.received).toBe(300_000);
		expect(download.total).toBe(0); // streamed: no length known, the bar is indeterminate
	});

	it('knows the total when the server sends its length', async () => {
		const download = new Download(() => {});
		await download.start(`${base}/sized`, 'kit.zip');
		expect(download.total).toBe(300_000);
		expect(download.received).toBe(300_000);
	});

	it('says when the server refuses, and when the network fails', async () => {
		const saved: string[] = [];
		const download = new Download((_blob, name) => saved.push(name));
		await download.start(`${base}/refused`, 'my-data.zip');
		expect(download.phase).toBe('failed');
		expect(download.status).toBe(403);
		await download.start('http://127.0.0.1:1/nothing', 'my-data.zip');
		expect(download.phase).toBe('failed');
		expect(download.status).toBe(0);
		expect(saved).toEqual([]);
	});

	it('reads the file name from Content-Disposition, quoted, bare or UTF-8 encoded', () => {
		expect(filenameFrom('attachment; filename="a b.zip"', 'x')).toBe('a b.zip');
		expect(filenameFrom('attachment; filename=plain.csv', 'x')).toBe('plain.csv');
		expect(filenameFrom("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.zip", 'x')).toBe('résumé.zip');
		expect(filenameFrom(null, 'fallback.zip')).toBe('fallback.zip');
		expect(filenameFrom('attachment', 'fallback.zip')).toBe('fallback.zip');
	});
});
