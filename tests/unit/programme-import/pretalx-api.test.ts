import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import { fetchSource } from '../../../server/domain/programme/import/fetch-source';
import { parseSource } from '../../../server/domain/programme/import/parse-source';
import { fetchProgrammeSource } from '../../../server/domain/programme/import/pretalx-fetch';
import { createAccount, createEdition } from '../factories';

// A recent pretalx event API: talks answer ids and codes, names live in the speakers, rooms, tracks and types endpoints.
const talk = (code: string, title: string, speakers: string[], room: number, start: string) => ({
	code,
	title,
	speakers,
	submission_type: 7,
	track: 3,
	duration: 30,
	slots: [{ room, start, end: null }],
	answers: [{ answer: '+33 6 00 00 00 00' }]
});
const pages: Record<string, unknown> = {
	'/api/events/nec/talks/': { count: 3, next: '/api/events/nec/talks/?page=2', results: [talk('AAA111', 'Communs', ['SPK1'], 11, '2026-10-08T10:00:00+02:00')] },
	'/api/events/nec/talks/?page=2': {
		count: 3,
		next: 'http://elsewhere.invalid/api/events/nec/talks/?page=3',
		results: [talk('BBB222', 'Données', ['SPK1', 'SPK2'], 12, '2026-10-08T11:00:00+02:00'), talk('CCC333', 'Inconnu', ['NOPE'], 99, '2026-10-08T12:00:00+02:00')]
	},
	'/api/events/nec/speakers/': { next: '/api/events/nec/speakers/?page=2', results: [{ code: 'SPK1', name: 'Camille Martin', email: 'camille@example.org', biography: 'Bio' }] },
	'/api/events/nec/speakers/?page=2': { next: null, results: [{ code: 'SPK2', name: 'Lou Bernard' }] },
	'/api/events/nec/rooms/': { next: null, results: [{ id: 11, name: { en: 'Main hall', fr: 'Grand amphi' } }, { id: 12, name: { en: 'Room 2' } }] },
	'/api/events/nec/tracks/': { next: null, results: [{ id: 3, name: { en: 'Commons', fr: 'Communs' } }] }
	// submission-types: 404 here, as on an event that keeps them private.
};

describe('pretalx REST API by URL', () => {
	let server: http.Server;
	let base: string;
	const requested: string[] = [];
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			requested.push(req.url ?? '');
			const body = pages[req.url ?? ''];
			if (body) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
			res.writeHead(404).end('{"detail":"Not found."}');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	const fetchText = (url: string) => fetchSource(url, { allowPrivate: true });

	it('follows the pages on the same origin and names speakers, rooms and tracks from their endpoints', async () => {
		const text = await fetchProgrammeSource(`${base}/api/events/nec/talks/`, fetchText);
		expect(requested).not.toContain('/api/events/nec/talks/?page=3');
		expect(requested).toContain('/api/events/nec/submission-types/');
		expect(text).not.toContain('camille@example.org');
		expect(text).not.toContain('Bio');
		const programme = parseSource(text, 'Europe/Paris');
		expect(programme.kind).toBe('pretalx-api');
		expect(programme.sessions.map((s) => [s.ref, s.room, s.track, s.type, s.speakers])).toEqual([
			['AAA111', 'Grand amphi', 'Communs', '', ['Camille Martin']],
			['BBB222', 'Room 2', 'Communs', '', ['Camille Martin', 'Lou Bernard']],
			['CCC333', '', 'Communs', '', ['NOPE']]
		]);
	});

	it('names the submission type when its endpoint answers, and leaves other URLs untouched', async () => {
		pages['/api/events/nec/submission-types/'] = { next: null, results: [{ id: 7, name: { en: 'Workshop', fr: 'Atelier' } }] };
		const programme = parseSource(await fetchProgrammeSource(`${base}/api/events/nec/talks/`, fetchText), 'Europe/Paris');
		expect(programme.sessions.map((s) => s.type)).toEqual(['Atelier', 'Atelier', 'Atelier']);
		expect(await fetchProgrammeSource(`${base}/api/events/nec/rooms/`, fetchText)).toBe(JSON.stringify(pages['/api/events/nec/rooms/']));
	});

	it('imports through the app with speakers listed by name', async () => {
		const app = createApp({ db: openDatabase(':memory:'), importAllowPrivateUrls: true });
		const orga = await createAccount(app, 'olivia');
		const edition = createEdition(app, orga);
		const draft = await app.programmeImport.prepareFromUrl(orga, edition.id, `${base}/api/events/nec/talks/`);
		const preview = app.programmeImport.preview(orga, edition.id, draft);
		expect(preview.plan.counts.added).toBe(3);
	});
});
