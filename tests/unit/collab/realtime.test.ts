import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/open';
import { encodeSyncStep1, encodeUpdate } from '../../../server/collab/protocol';
import { connectClient, startHarness, synced, waitFor, type Harness } from './realtime-harness';
import { padScenario, padText } from './realtime-fixtures';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

let harness: Harness | undefined;
const clients: { provider: { destroy(): void } }[] = [];
afterEach(async () => {
	for (const c of clients.splice(0)) c.provider.destroy();
	await harness?.close();
	harness = undefined;
});
function client(...args: Parameters<typeof connectClient>) {
	const c = connectClient(...args);
	clients.push(c);
	return c;
}

/** A raw socket, to send what a stock client never would. */
function rawSocket(url: string, token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
	const ws = new WebSocket(url, { headers: { cookie: `ml_session=${token}` } });
	const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
	return new Promise((resolve, reject) => {
		ws.once('open', () => resolve({ ws, closed }));
		ws.once('error', reject);
	});
}

describe('the y-websocket endpoint', () => {
	it('lets two stock clients converge through the server', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const alice = client(harness.url, s.room, s.tokenOf(s.organiser));
		const bob = client(harness.url, s.room, s.tokenOf(s.guest('Bob')));
		await Promise.all([synced(alice.provider), synced(bob.provider)]);
		padText(alice.doc).insert(0, 'Contexte');
		padText(bob.doc).insert(0, '# ');
		await waitFor(() => padText(alice.doc).toString() === padText(bob.doc).toString() && padText(alice.doc).length === 10);
		expect(padText(alice.doc).toString()).toContain('Contexte');
	});

	it('closes a malformed or oversized frame’s socket only, and the room keeps working', async () => {
		harness = await startHarness({ maxMessageBytes: 64 * 1024 });
		const s = await padScenario(harness.app);
		const token = s.tokenOf(s.organiser);
		const healthy = client(harness.url, s.room, token);
		await synced(healthy.provider);

		const garbage = await rawSocket(`${harness.url}/${s.room}`, token);
		garbage.ws.send(Buffer.from([0, 9, 1, 2]));
		expect((await garbage.closed).code).toBe(4421);

		const unknownType = await rawSocket(`${harness.url}/${s.room}`, token);
		unknownType.ws.send(Buffer.from([7, 0]));
		expect((await unknownType.closed).code).toBe(4421);

		const badUpdate = await rawSocket(`${harness.url}/${s.room}`, token);
		badUpdate.ws.send(Buffer.from(encodeUpdate(new Uint8Array([5, 200, 1, 2, 3]))));
		expect((await badUpdate.closed).code).toBe(4420);

		const huge = await rawSocket(`${harness.url}/${s.room}`, token);
		huge.ws.send(Buffer.alloc(100 * 1024, 1));
		expect((await huge.closed).code).toBe(1009);

		const later = client(harness.url, s.room, token);
		await synced(later.provider);
		padText(healthy.doc).insert(0, 'still fine');
		await waitFor(() => padText(later.doc).toString() === 'still fine');
	});

	it('never applies what a read-only connection sends', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app, { status: 'published', workshopClosed: true });
		const writer = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(writer.provider);
		padText(writer.doc).insert(0, 'final notes');

		const readerViewer = await harness.app.accounts.signUp({ username: 'reader1', displayName: 'Reader', password: 'correct horse battery' });
		const reader = client(harness.url, s.room, s.tokenOf(readerViewer));
		await waitFor(() => padText(reader.doc).toString() === 'final notes');
		padText(reader.doc).insert(0, 'vandalism ');
		await new Promise((r) => setTimeout(r, 150));

		const check = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(check.provider);
		await waitFor(() => padText(check.doc).length > 0);
		expect(padText(check.doc).toString()).toBe('final notes');
		expect(padText(writer.doc).toString()).toBe('final notes');
	});

	it('refuses rooms with documented close codes', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const outsider = await harness.app.accounts.signUp({ username: 'outsider', displayName: 'Out', password: 'correct horse battery' });
		const cases: [string, string | null, number][] = [
			[`${harness.url}/nonsense`, s.tokenOf(s.organiser), 4400],
			[`${harness.url}/${s.room}`, null, 4404], // draft edition: invisible to anonymous readers
			[`${harness.url}/${s.room}`, s.tokenOf(outsider), 4404],
			[`${harness.url}/pad:doesnotexist0`, s.tokenOf(s.organiser), 4404]
		];
		for (const [url, token, code] of cases) {
			const ws = new WebSocket(url, { headers: token ? { cookie: `ml_session=${token}` } : {} });
			const closed = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
			expect(closed, url).toBe(code);
		}
		// Published and live, but not joined: the room does not exist for them (the access policy answers 404, never 401/403).
		harness.app.editions.setStatus(s.organiser, s.edition.id, { status: 'published' });
		const anonymous = new WebSocket(`${harness.url}/${s.room}`);
		expect(await new Promise<number>((resolve) => anonymous.on('close', (c) => resolve(c)))).toBe(4404);
	});

	it('answers a sync step 1 from a raw client with the document', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const token = s.tokenOf(s.organiser);
		const writer = client(harness.url, s.room, token);
		await synced(writer.provider);
		padText(writer.doc).insert(0, 'abc');
		await new Promise((r) => setTimeout(r, 50));
		const raw = await rawSocket(`${harness.url}/${s.room}`, token);
		const messages: Buffer[] = [];
		raw.ws.on('message', (m) => messages.push(m as Buffer));
		raw.ws.send(Buffer.from(encodeSyncStep1(new Uint8Array([0]))));
		await waitFor(() => messages.some((m) => m[0] === 0 && m[1] === 1));
		const step2 = messages.find((m) => m[0] === 0 && m[1] === 1)!;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, new Uint8Array(step2.subarray(3)));
		expect(padText(doc).toString()).toBe('abc');
		raw.ws.close();
	});
});

describe('durable documents', () => {
	const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-rt-')), 'db.sqlite');

	it('keeps every update across a server restart', async () => {
		const file = tmp();
		harness = await startHarness({ db: openDatabase(file) });
		const s = await padScenario(harness.app);
		const token = s.tokenOf(s.organiser);
		const a = client(harness.url, s.room, token);
		await synced(a.provider);
		for (const ch of 'durable') padText(a.doc).insert(padText(a.doc).length, ch);
		await new Promise((r) => setTimeout(r, 50));
		a.provider.destroy();
		await harness.close();
		harness = await startHarness({ db: openDatabase(file) });
		const b = client(harness.url, s.room, token);
		await synced(b.provider);
		await waitFor(() => padText(b.doc).toString() === 'durable');
	});

	it('compacts into versions that keep content and authorship', async () => {
		harness = await startHarness({ idleUnloadMs: 20 });
		const s = await padScenario(harness.app);
		const bobViewer = s.guest('Bob');
		const alice = client(harness.url, s.room, s.tokenOf(s.organiser));
		const bob = client(harness.url, s.room, s.tokenOf(bobViewer));
		await Promise.all([synced(alice.provider), synced(bob.provider)]);
		padText(alice.doc).insert(0, 'Alice ');
		await waitFor(() => padText(bob.doc).length === 6);
		padText(bob.doc).insert(6, 'Bob');
		await waitFor(() => padText(alice.doc).length === 9);
		alice.provider.destroy();
		bob.provider.destroy();
		// The fixture's paragraph may have been saved as a version of its own before anyone joined.
		await waitFor(async () => (await harness!.app.padDocuments.history(s.pad.id)).versions[0]?.authorIds.includes(bobViewer.id) === true);

		const { versions } = await harness.app.padDocuments.history(s.pad.id);
		expect(new Set(versions[0]!.authorIds)).toEqual(new Set([s.organiser.id, bobViewer.id]));
		expect(harness.db.prepare('SELECT count(*) FROM doc_updates WHERE room = ?').pluck().get(s.room)).toBe(0);
		const clientsOf = harness.db.prepare('SELECT user_id FROM doc_clients WHERE room = ?').pluck().all(s.room);
		expect(new Set(clientsOf)).toEqual(new Set([s.organiser.id, bobViewer.id]));

		const fresh = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(fresh.provider);
		await waitFor(() => padText(fresh.doc).toString() === 'Alice Bob');
	});

	it('writes a template into a new pad and restores an old version as a new change', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		await harness.app.padDocuments.applyTemplate(s.pad.id, 'atelier-contributif', s.organiser.id);
		const headings = async () => JSON.stringify(await harness!.app.padDocuments.currentContent(s.pad.id));
		expect(await headings()).toContain('Points de convergence');
		const v1 = (await harness.app.padDocuments.saveVersion(s.pad.id))!;

		const alice = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(alice.provider);
		const fragment = alice.doc.getXmlFragment('default');
		await waitFor(() => fragment.length > 0);
		alice.doc.transact(() => fragment.delete(0, fragment.length));
		await waitFor(async () => !(await headings()).includes('Points de convergence'));

		const restorer = s.guest('Camille');
		await harness.app.padDocuments.restoreVersion(s.pad.id, v1, restorer.id);
		expect(await headings()).toContain('Points de convergence');
		await waitFor(() => fragment.toString().includes('Points de convergence'));
		expect((await harness.app.padDocuments.history(s.pad.id)).unsavedAuthorIds).toContain(restorer.id);
	});
});

describe('room tokens for scripts', () => {
	it('let a cookie-less client join one room until they expire', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const { token } = harness.app.roomTokens.sign(s.organiser.id, s.room);
		const { doc, provider } = connectClient(harness.url, s.room, null);
		provider.destroy();
		const scripted = new (await import('y-websocket')).WebsocketProvider(harness.url, s.room, doc, {
			params: { token },
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		clients.push({ provider: scripted });
		await synced(scripted);
		expect(harness.app.roomTokens.verify(token, 'pad:someotherroom')).toBeNull();
		expect(harness.app.roomTokens.verify(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), s.room)).toBeNull();
	});
});

describe('purging deleted content', () => {
	it('removes deleted text from storage and from what new peers receive', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const a = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(a.provider);
		padText(a.doc).insert(0, 'secret phrase');
		padText(a.doc).delete(0, 'secret phrase'.length);
		await new Promise((r) => setTimeout(r, 50));
		const stored = () => Buffer.from(harness!.app.rooms.get(s.room).state()).toString('latin1');
		expect(stored()).toContain('secret phrase');
		harness.app.rooms.withRoom(s.room, (room) => room.purgeDeleted({ dropHistory: true }));
		expect(stored()).not.toContain('secret phrase');
		const rows = harness.db.prepare('SELECT data FROM doc_snapshots WHERE room = ?').pluck().all(s.room) as Buffer[];
		expect(rows).toHaveLength(1);
		expect(rows[0]!.toString('latin1')).not.toContain('secret phrase');
	});
});
