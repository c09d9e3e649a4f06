import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createCollabEndpoint, sameOrigin, type CollabEndpoint } from '../../../server/collab/endpoint';
import { collabPortsOf } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, joinCodeOf, type TestApp } from '../factories';

type Outcome =
	| { kind: 'open'; ws: WebSocket }
	| { kind: 'closed'; code: number; reason: string }
	| { kind: 'http'; status: number }
	| { kind: 'error'; message: string };

describe('collab endpoint', () => {
	let t: TestApp;
	let endpoint: CollabEndpoint;
	let server: http.Server;
	let base: string;
	let origin: string;
	/** Exceptions escaping handleUpgrade: in production they would be uncaught and stop the process. */
	let thrown: unknown[];
	const clients: WebSocket[] = [];

	let orga: Viewer;
	let publishedWorkshop: string;
	let publishedEditionId: string;
	let draftWorkshop: string;

	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		const published = createEdition(t.app, orga, { status: 'published' });
		publishedEditionId = published.id;
		publishedWorkshop = createWorkshop(t.app, orga, published.id); // 14:00–15:30, upcoming at 10:00
		const draft = createEdition(t.app, orga, { title: 'Brouillon' });
		draftWorkshop = createWorkshop(t.app, orga, draft.id);

		endpoint = createCollabEndpoint(collabPortsOf(t.app), { allowedOrigin: sameOrigin(undefined), maxMessageBytes: 64 * 1024 });
		thrown = [];
		server = http.createServer((_req, res) => res.writeHead(404).end());
		server.on('upgrade', (req, socket, head) => {
			try {
				if (!endpoint.handleUpgrade(req, socket, head)) socket.destroy();
			} catch (e) {
				thrown.push(e);
				socket.destroy();
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		base = `ws://127.0.0.1:${port}`;
		origin = `http://127.0.0.1:${port}`;
	});

	afterEach(async () => {
		for (const ws of clients.splice(0)) ws.terminate();
		endpoint.close();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	/** Opens a client; resolves with how the attempt ended (or 'open' if it is still connected a moment after opening). */
	function connect(path: string, headers: Record<string, string> = {}): Promise<Outcome> {
		return new Promise((resolve) => {
			const ws = new WebSocket(base + path, { headers: { origin, ...headers } });
			clients.push(ws);
			ws.on('open', () => setTimeout(() => ws.readyState === WebSocket.OPEN && resolve({ kind: 'open', ws }), 50));
			ws.on('close', (code, reason) => resolve({ kind: 'closed', code, reason: reason.toString() }));
			ws.on('unexpected-response', (_req, res) => {
				resolve({ kind: 'http', status: res.statusCode ?? 0 });
				res.resume();
				ws.terminate();
			});
			ws.on('error', (e) => resolve({ kind: 'error', message: e.message }));
		});
	}

	const peers = () => [...endpoint.connections].map((c) => ({ userId: c.peer.userId, canWrite: c.peer.canWrite }));
	const chat = (workshopId: string) => `/collab/chat:${workshopId}`;
	const cookieFor = (viewer: Viewer) => `theme=dark; ml_session=${t.app.sessions.create(viewer.id, viewer.isGuest).token}`;

	it('refuses another Origin with HTTP 403 before the upgrade', async () => {
		const outcome = await connect(chat(publishedWorkshop), { origin: 'https://evil.example' });
		expect(outcome).toEqual({ kind: 'http', status: 403 });
		expect(endpoint.connections.size).toBe(0);
	});

	it('compares the Origin with ORIGIN when configured, else with the Host of the request', () => {
		const configured = sameOrigin('https://medialab.example.org');
		expect(configured('https://medialab.example.org', 'anything')).toBe(true);
		expect(configured('http://medialab.example.org', 'medialab.example.org')).toBe(false);
		const byHost = sameOrigin(undefined);
		expect(byHost('http://192.168.1.20:3000', '192.168.1.20:3000')).toBe(true);
		expect(byHost('http://192.168.1.20:3000', '192.168.1.20:4000')).toBe(false);
		expect(byHost('null', '192.168.1.20:3000')).toBe(false);
		expect(byHost('http://192.168.1.20:3000', undefined)).toBe(false);
	});

	it('leaves other paths to other handlers', async () => {
		expect(await connect('/hmr')).toMatchObject({ kind: 'error' });
		expect(thrown).toEqual([]);
	});

	it('closes with 4400 on an unknown room name', async () => {
		const outcome = await connect('/collab/foo');
		expect(outcome).toMatchObject({ kind: 'closed', code: 4400 });
		expect((outcome as { reason: string }).reason).toContain('unknown room');
		expect(await connect('/collab/video:abcdefghij')).toMatchObject({ kind: 'closed', code: 4400 });
	});

	it('closes with 4404 on unknown pads and workshops', async () => {
		expect(await connect('/collab/pad:abcdefghij')).toMatchObject({ kind: 'closed', code: 4404 });
		expect(await connect('/collab/chat:abcdefghijklmnop')).toMatchObject({ kind: 'closed', code: 4404 });
	});

	// The access policy answers "not found" to whoever may not read a chat, pad or drive, never 401/403.
	it('closes with 4404 for an anonymous client on an upcoming workshop’s chat', async () => {
		expect(await connect(chat(publishedWorkshop))).toMatchObject({ kind: 'closed', code: 4404 });
		// A session cookie that does not validate counts as anonymous.
		expect(await connect(chat(publishedWorkshop), { cookie: 'ml_session=not-a-real-token' })).toMatchObject({ kind: 'closed', code: 4404 });
	});

	it('closes with 4404 for a logged-in non-participant', async () => {
		const bruno = await createAccount(t.app, 'bruno');
		expect(await connect(chat(publishedWorkshop), { cookie: cookieFor(bruno) })).toMatchObject({ kind: 'closed', code: 4404 });
	});

	it('keeps a logged-in participant connected, with write access', async () => {
		const bruno = await createAccount(t.app, 'bruno');
		t.app.workshops.join(bruno, joinCodeOf(t.app, publishedWorkshop));
		const outcome = await connect(chat(publishedWorkshop), { cookie: cookieFor(bruno) });
		expect(outcome.kind).toBe('open');
		expect(peers()).toEqual([{ userId: bruno.id, canWrite: true }]);

		const ws = (outcome as { ws: WebSocket }).ws;
		const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
		ws.close(1000);
		expect(await closed).toBe(1000);
		await waitUntil(() => endpoint.connections.size === 0);
	});

	it('lets a guest participant in, and organisers without joining', async () => {
		const guest = createGuest(t.app);
		t.app.workshops.join(guest, joinCodeOf(t.app, publishedWorkshop));
		expect((await connect(chat(publishedWorkshop), { cookie: cookieFor(guest) })).kind).toBe('open');
		expect((await connect(chat(draftWorkshop), { cookie: cookieFor(orga) })).kind).toBe('open');
		// The drive's entries are written by the server after the bytes are stored: members only read its room.
		expect((await connect(`/collab/drive:${publishedWorkshop}`, { cookie: cookieFor(guest) })).kind).toBe('open');
		expect(peers()).toEqual([
			{ userId: guest.id, canWrite: true },
			{ userId: orga.id, canWrite: true },
			{ userId: guest.id, canWrite: false }
		]);
	});

	it('keeps a closed workshop’s chat to its members unless the edition opened its chats to readers', async () => {
		t.setTime('2018-09-13T14:00:00Z'); // 16:00 in Nantes
		expect(await connect(chat(publishedWorkshop))).toMatchObject({ kind: 'closed', code: 4404 });
		t.app.editions.setSharing(orga, publishedEditionId, { chatPublic: 'on' });
		const outcome = await connect(chat(publishedWorkshop));
		expect(outcome.kind).toBe('open');
		expect(peers()).toEqual([{ userId: null, canWrite: false }]);
	});

	it('closes with 4404 for a participant of another edition asking for a draft’s workshop', async () => {
		const guest = createGuest(t.app);
		t.app.workshops.join(guest, joinCodeOf(t.app, publishedWorkshop));
		expect(await connect(chat(draftWorkshop), { cookie: cookieFor(guest) })).toMatchObject({ kind: 'closed', code: 4404 });
		expect(endpoint.connections.size).toBe(0);
	});

	it('registers a health check counting connections', async () => {
		const guest = createGuest(t.app);
		t.app.workshops.join(guest, joinCodeOf(t.app, publishedWorkshop));
		await connect(chat(publishedWorkshop), { cookie: cookieFor(guest) });
		expect(t.app.health.get('realtime')?.()).toMatchObject({ ok: true, detail: expect.stringMatching(/^1 connections\b/) });
	});

	// Documents a bug: readCookie's decodeURIComponent throws URIError on a malformed session cookie, out of handleUpgrade.
	it('treats a malformed session cookie as anonymous without throwing', async () => {
		const outcome = await connect(chat(publishedWorkshop), { cookie: 'ml_session=%E0%A4%A' });
		expect(thrown).toEqual([]);
		expect(outcome).toMatchObject({ kind: 'closed', code: 4404 });
	});

	// Documents a bug: decodeURIComponent throws URIError on a malformed escape, out of handleUpgrade.
	it('refuses a room name with a malformed percent escape without throwing', async () => {
		const outcome = await connect('/collab/chat:%E0%A4%A');
		expect(thrown).toEqual([]);
		expect(outcome).toMatchObject({ kind: 'closed', code: 4400 });
	});

	// Documents a bug: the close reason is cut at 120 UTF-16 units, but WebSocket allows 123 BYTES; a room name of
	// accented letters makes ws.close() throw a RangeError out of handleUpgrade.
	it('refuses a long non-ASCII room name without throwing', async () => {
		const outcome = await connect('/collab/' + encodeURIComponent('é'.repeat(60)));
		expect(thrown).toEqual([]);
		expect(outcome).toMatchObject({ kind: 'closed', code: 4400 });
	});
});

async function waitUntil(condition: () => boolean, timeoutMs = 1000) {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}
