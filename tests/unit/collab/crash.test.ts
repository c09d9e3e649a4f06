import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import { connectClient, synced, waitFor } from './realtime-harness';
import { padScenario, padText } from './realtime-fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-crash-'));
let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
	const srv = net.createServer();
	await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
	const port = (srv.address() as net.AddressInfo).port;
	await new Promise((r) => srv.close(r));
	return port;
}

function startServer(port: number): Promise<ChildProcess> {
	const proc = fork(path.join(import.meta.dirname, 'crash-server.ts'), [], {
		execArgv: ['--import', 'tsx'],
		// Search plays no part here, and a SIGKILLed server cannot stop the search engine it started.
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'silent', SEARCH: 'off' },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	return new Promise((resolve, reject) => {
		proc.once('message', () => resolve(proc));
		proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
}

afterAll(() => {
	child?.kill('SIGKILL');
});

it('loses no keystroke when the server is SIGKILLed while people type', { timeout: 60_000 }, async () => {
	const db = openDatabase(path.join(dataDir, 'medialab.sqlite'));
	const s = await padScenario(createApp({ db }));
	const typists = Array.from({ length: 6 }, (_, i) => s.guest(`Typist ${i}`));
	const tokens = typists.map((t) => s.tokenOf(t));
	db.close();

	const port = await freePort();
	child = await startServer(port);
	const url = `ws://127.0.0.1:${port}/collab`;
	const clients = tokens.map((token) => connectClient(url, s.room, token));
	await Promise.all(clients.map((c) => synced(c.provider)));

	// Each typist types its own letter; the doc in memory stands for the browser's IndexedDB copy.
	const typed = clients.map(() => 0);
	let typing = true;
	const loops = clients.map(async (c, i) => {
		const letter = String.fromCharCode(97 + i);
		while (typing) {
			const text = padText(c.doc);
			text.insert(text.length, letter);
			typed[i]!++;
			await new Promise((r) => setTimeout(r, 15 + i));
		}
	});

	await new Promise((r) => setTimeout(r, 800));
	child.kill('SIGKILL');
	await new Promise((r) => child!.once('exit', r));
	await new Promise((r) => setTimeout(r, 400)); // keep typing while the server is down
	child = await startServer(port);
	await new Promise((r) => setTimeout(r, 800));
	typing = false;
	await Promise.all(loops);

	const expected = clients.map((_, i) => String.fromCharCode(97 + i).repeat(typed[i]!));
	const countOf = (text: string, letter: string) => text.split(letter).length - 1;
	const fresh = connectClient(url, s.room, tokens[0]!);
	await synced(fresh.provider);
	await waitFor(() => expected.every((run) => countOf(padText(fresh.doc).toString(), run[0]!) === run.length), 15_000);
	for (const c of clients) await waitFor(() => padText(c.doc).toString() === padText(fresh.doc).toString(), 15_000);
	expect(padText(fresh.doc).length).toBe(typed.reduce((a, b) => a + b, 0));
	for (const c of [...clients, fresh]) c.provider.destroy();
});
