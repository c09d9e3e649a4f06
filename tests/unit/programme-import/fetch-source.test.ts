import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/open';
import { fetchSource, isPublicAddress } from '../../../server/domain/programme/import/fetch-source';
import { count, createAccount, createEdition, expectAppError } from '../factories';
import { fixture } from './fixtures';
import { errorText } from '$lib/server/error-text';

describe('importing from a URL', () => {
	let server: http.Server;
	let base: string;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (req.url === '/schedule.xml') return void res.writeHead(200, { 'content-type': 'application/xml' }).end(fixture('pretalx-dialect.xml'));
			if (req.url === '/moved') return void res.writeHead(302, { location: '/schedule.xml' }).end();
			if (req.url === '/big') return void res.writeHead(200).end('x'.repeat(20_000));
			if (req.url === '/slow') return; // never answers
			res.writeHead(404).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	it('tells public addresses from loopback, private, link-local, CGNAT and mapped ones', () => {
		expect(['8.8.8.8', '2001:4860:4860::8888', '151.101.1.69'].map(isPublicAddress)).toEqual([true, true, true]);
		expect(['127.0.0.1', '10.1.2.3', '192.168.1.1', '172.16.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', 'not an ip'].map(isPublicAddress)).toEqual(
			Array(12).fill(false)
		);
	});

	it('refuses 127.0.0.1, localhost and non-http schemes unless private addresses are allowed', async () => {
		const refused = await expectAppError(() => fetchSource(`${base}/schedule.xml`, { allowPrivate: false }), 'forbidden');
		expect(refused.fields).toEqual({ url: 'privateUrl' });
		await expectAppError(() => fetchSource(`${base.replace('127.0.0.1', 'localhost')}/schedule.xml`, { allowPrivate: false }), 'forbidden');
		await expectAppError(() => fetchSource(`http://[::1]:1/x`, { allowPrivate: false }), 'forbidden');
		expect((await expectAppError(() => fetchSource('file:///etc/passwd', { allowPrivate: true }), 'invalid')).fields).toEqual({ url: 'invalidUrl' });
		expect(await fetchSource(`${base}/moved`, { allowPrivate: true })).toContain('<schedule>');
	});

	it('stops at the size cap and the timeout', async () => {
		await expectAppError(() => fetchSource(`${base}/big`, { allowPrivate: true, maxBytes: 10_000 }), 'too_large');
		const slow = await expectAppError(() => fetchSource(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }), 'invalid');
		expect(errorText(slow, 'en')).toMatch(/did not answer within 0.2 s/);
		await expectAppError(() => fetchSource(`${base}/missing`, { allowPrivate: true }), 'invalid');
	});

	it('imports from a local server only with IMPORT_ALLOW_PRIVATE_URLS=true', async () => {
		expect(loadConfig({}).importAllowPrivateUrls).toBe(false);
		const allowed = loadConfig({ IMPORT_ALLOW_PRIVATE_URLS: 'true' }).importAllowPrivateUrls;
		expect(allowed).toBe(true);
		for (const allowPrivate of [false, allowed]) {
			const app = createApp({ db: openDatabase(':memory:'), importAllowPrivateUrls: allowPrivate });
			const orga = await createAccount(app, 'olivia');
			const edition = createEdition(app, orga);
			if (!allowPrivate) {
				await expectAppError(() => app.programmeImport.prepareFromUrl(orga, edition.id, `${base}/schedule.xml`), 'forbidden');
				expect(count(app, 'programme_import_drafts')).toBe(0);
				continue;
			}
			const draft = await app.programmeImport.prepareFromUrl(orga, edition.id, `${base}/schedule.xml`);
			expect(app.programmeImport.preview(orga, edition.id, draft).plan.counts.added).toBe(4);
		}
	});
});
