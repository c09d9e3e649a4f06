import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, checkLinks, defaultLinkCheck } from '../../../server/domain/proceedings/link-check';
import { createTestApp, expectAppError } from '../factories';
import { proceedingsScenario } from './proceedings-fixtures';

describe('checking external links on publication', () => {
	let server: http.Server;
	let base: string;
	const seen: string[] = [];
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			seen.push(`${req.method} ${req.url}`);
			const url = req.url ?? '/';
			if (url === '/ok') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
			if (url === '/head-refused') return void res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
			if (url === '/moved') return void res.writeHead(301, { location: '/ok' }).end();
			if (url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
			if (url === '/members') return void res.writeHead(403).end();
			if (url === '/gone') return void res.writeHead(410).end();
			if (url === '/broken') return void res.writeHead(500).end();
			if (url === '/slow') return; // never answers
			res.writeHead(404).end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	const local = { ...defaultLinkCheck, allowPrivate: true, timeoutMs: 1_000 };

	it('tells links that answer (after redirects, or to GET only) from missing, gone, failing, looping and silent ones', async () => {
		const check = (path: string) => checkLink(`${base}${path}`, local).then((r) => [r.state, r.status, r.problem]);
		expect(await check('/ok')).toEqual(['ok', 200, null]);
		expect(await check('/moved')).toEqual(['ok', 200, null]);
		expect(await check('/head-refused')).toEqual(['ok', 200, null]);
		expect(seen).toEqual(expect.arrayContaining(['HEAD /head-refused', 'GET /head-refused']));
		expect(await check('/members')).toEqual(['restricted', 403, 'status']);
		expect(await check('/nothing-here')).toEqual(['broken', 404, 'status']);
		expect(await check('/gone')).toEqual(['broken', 410, 'status']);
		expect(await check('/broken')).toEqual(['broken', 500, 'status']);
		expect(await check('/loop')).toEqual(['broken', null, 'tooManyRedirects']);
		const started = Date.now();
		expect(await checkLink(`${base}/slow`, { ...local, timeoutMs: 300 })).toMatchObject({ state: 'broken', problem: 'timeout' });
		expect(Date.now() - started).toBeLessThan(3_000);
	});

	it('refuses loopback and private addresses unless allowed (no request leaves), and anything but http(s)', async () => {
		const before = seen.length;
		for (const url of [`${base}/ok`, `${base.replace('127.0.0.1', 'localhost')}/ok`, 'http://[::1]:1/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/'])
			expect(await checkLink(url, { ...local, allowPrivate: false }), url).toMatchObject({ state: 'broken', problem: 'privateAddress' });
		expect(seen.length).toBe(before);
		expect(await checkLink('file:///etc/passwd', local)).toMatchObject({ state: 'broken', problem: 'notHttp' });
		expect(await checkLink('not a url', local)).toMatchObject({ state: 'broken', problem: 'notHttp' });
	});

	it('checks each distinct URL once, a few at a time, answering in the order asked', async () => {
		const before = seen.length;
		const urls = [`${base}/gone`, `${base}/ok`, `${base}/gone`, `${base}/members`];
		const results = await checkLinks(urls, { ...local, concurrency: 2 });
		expect(results.map((r) => [r.url, r.state])).toEqual([
			[`${base}/gone`, 'broken'],
			[`${base}/ok`, 'ok'],
			[`${base}/members`, 'restricted']
		]);
		expect(seen.slice(before).filter((s) => s.startsWith('HEAD')).sort()).toEqual(['HEAD /gone', 'HEAD /members', 'HEAD /ok']);
	});

	it('reports, for the editor only, every external link the next version would publish: records, introduction and synthesis links', async () => {
		const { app } = createTestApp({ linkCheck: { allowPrivate: true, timeoutMs: 1_000 } });
		const s = await proceedingsScenario(app);
		const synthesisId = app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		app.syntheses.save(s.facilitator, synthesisId, { title: 'Synthèse', markdown: `Voir [la page disparue](${base}/gone?a=1&b=2) et [l’archive](/archive).` });
		app.syntheses.addLink(s.facilitator, s.edition.id, { targetKind: 'workshop', targetId: s.workshopId, title: 'Le guide', url: `${base}/moved`, kind: 'website' });
		app.syntheses.addLink(s.facilitator, s.edition.id, { targetKind: 'synthesis', targetId: synthesisId, title: 'Réservé', url: `${base}/members`, kind: 'article' });
		app.proceedings.saveDraft(s.organiser, s.edition.id, { introduction: `Merci à [nos hôtes](${base}/ok) et [encore](${base}/moved).`, licence: 'CC-BY-4.0' });

		const report = await app.proceedings.checkLinks(s.organiser, s.edition.id);
		// Records first (added at the same instant, so in any order), then the texts' links; `/moved` once, `/archive` is internal.
		const rows = report.map((r) => [r.title, r.url, r.state]);
		expect(rows.slice(0, 2)).toEqual(
			expect.arrayContaining([
				['Le guide', `${base}/moved`, 'ok'],
				['Réservé', `${base}/members`, 'restricted']
			])
		);
		expect(rows.slice(2)).toEqual([
			['nos hôtes', `${base}/ok`, 'ok'],
			['la page disparue', `${base}/gone?a=1&b=2`, 'broken']
		]);
		// Not blocking: the version is published with the broken link in it.
		expect(app.proceedings.publish(s.organiser, s.edition.id)).toBe(1);
		await expectAppError(() => app.proceedings.checkLinks(null, s.edition.id), 'unauthenticated');
		await expectAppError(() => app.proceedings.checkLinks(s.alice, s.edition.id), 'forbidden');
	});
});
