import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collabCloseCodes } from '../../../server/shared/errors';
import { padScenario } from './realtime-fixtures';
import { startHarness, waitFor, type Harness } from './realtime-harness';

let harness: Harness | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
	for (const ws of sockets.splice(0)) ws.terminate();
	await harness?.close();
	harness = undefined;
});

/** y-websocket's sync step 1 with an empty state vector: the server answers with the document. */
const SYNC_STEP_1 = new Uint8Array([0, 0, 1, 0]);
/** y-websocket's query-awareness: valid, and answered only when someone is present. */
const QUERY_AWARENESS = new Uint8Array([3]);

type Client = { ws: WebSocket; closed: { code: number; reason: string } | null; received: number };

async function open(room: string, sessionToken: string | null): Promise<Client> {
	const ws = new WebSocket(`${harness!.url}/${room}`, { headers: sessionToken ? { cookie: `ml_session=${sessionToken}` } : {} });
	sockets.push(ws);
	const client: Client = { ws, closed: null, received: 0 };
	ws.on('message', () => client.received++);
	ws.on('close', (code, reason) => (client.closed = { code, reason: reason.toString() }));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	await waitFor(() => client.received > 0); // the server's own sync step 1
	return client;
}

const send = (client: Client, count: number) => {
	for (let i = 0; i < count; i++) client.ws.send(QUERY_AWARENESS);
};

/** Still served: it gets an answer to a sync step 1 (which costs one message of its allowance). */
async function stillServed(client: Client): Promise<boolean> {
	const before = client.received;
	client.ws.send(SYNC_STEP_1);
	await waitFor(() => client.received > before || client.closed !== null);
	return client.closed === null;
}

describe('message rate per session', () => {
	it('closes the socket of a session past its burst with 4529, and only that one: others behind the same address go on', async () => {
		harness = await startHarness({ messageRate: { perSecond: 1, burst: 20 } });
		const s = await padScenario(harness.app);
		const flooder = await open(s.room, s.tokenOf(s.guest('Bob')));
		const neighbour = await open(s.room, s.tokenOf(s.guest('Chloé')));

		send(flooder, 25);
		await waitFor(() => flooder.closed !== null);
		expect(flooder.closed).toEqual({ code: collabCloseCodes.slowDown, reason: 'too many messages: slow down and reconnect' });
		expect(collabCloseCodes.slowDown).toBe(4529);

		send(neighbour, 15);
		expect(await stillServed(neighbour)).toBe(true);
	});

	it('counts every connection of a session together (tabs share the allowance), and a reconnection does not refill it', async () => {
		harness = await startHarness({ messageRate: { perSecond: 1, burst: 20 } });
		const s = await padScenario(harness.app);
		const token = s.tokenOf(s.guest('Bob'));
		const tab1 = await open(s.room, token);
		const tab2 = await open(s.room, token);

		send(tab1, 12);
		expect(await stillServed(tab1)).toBe(true);
		send(tab2, 12);
		await waitFor(() => tab2.closed !== null);
		expect(tab2.closed?.code).toBe(collabCloseCodes.slowDown);

		const again = await open(s.room, token);
		send(again, 3);
		await waitFor(() => again.closed !== null);
		expect(again.closed?.code).toBe(collabCloseCodes.slowDown);
	});

	it('refills at the sustained rate: a steady sender under it is never closed', async () => {
		harness = await startHarness({ messageRate: { perSecond: 100, burst: 20 } });
		const s = await padScenario(harness.app);
		const typist = await open(s.room, s.tokenOf(s.guest('Bob')));
		// 40 messages in about 800 ms: twice the burst, half the sustained rate.
		for (let i = 0; i < 8; i++) {
			send(typist, 5);
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(await stillServed(typist)).toBe(true);
	});

	it('gives each anonymous reader its own allowance: a whole venue shares one address', async () => {
		harness = await startHarness({ messageRate: { perSecond: 1, burst: 20 } });
		const s = await padScenario(harness.app, { status: 'published', workshopClosed: true });
		const readers = await Promise.all([open(s.room, null), open(s.room, null), open(s.room, null)]);
		for (const reader of readers) send(reader, 15);
		for (const reader of readers) expect(await stillServed(reader)).toBe(true);

		send(readers[0]!, 10);
		await waitFor(() => readers[0]!.closed !== null);
		expect(readers[0]!.closed?.code).toBe(collabCloseCodes.slowDown);
		expect(await stillServed(readers[1]!)).toBe(true);
	});
});
