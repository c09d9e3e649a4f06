// The embedded Meilisearch is supervised: killed, it comes back on its own, health says « degraded » meanwhile, and
// what was written during the outage becomes searchable once it is back (real binary, real SIGKILL).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthReport } from '$lib/server/api';
import type { Viewer } from '../../../server/domain/types';
import { REINDEX_REQUESTED } from '../../../server/search/search';
import { createAccount, createEdition, createWorkshop } from '../factories';
import { createSearchWorld, writePad } from './search-world';

type World = Awaited<ReturnType<typeof createSearchWorld>>;

async function until<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (accept(value)) return value;
		if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('a search engine that dies', () => {
	let w: World;
	let alice: Viewer;
	let workshopId: string;

	beforeAll(async () => {
		w = await createSearchWorld();
		await createAccount(w.app, 'root');
		alice = await createAccount(w.app, 'alice');
		const editionId = createEdition(w.app, alice, { title: 'NEC 2018 Nantes', status: 'published' }).id;
		workshopId = createWorkshop(w.app, alice, editionId, { title: 'Ouvrir les données', statusOverride: 'closed' });
		await w.flush();
	}, 60_000);

	afterAll(async () => {
		await w?.close();
	});

	it('is restarted, /api/health says degraded until then, and a pad written meanwhile becomes searchable', async () => {
		const { app } = w;
		const health = () => healthReport(app.health).checks.search!;
		expect(health().ok).toBe(true);
		const enginePid = Number(fs.readFileSync(path.join(w.dir, 'meili', 'engine.pid'), 'utf8').trim().split(/\s+/)[1]);

		process.kill(enginePid, 'SIGKILL');
		const down = await until(health, (h) => !h.ok);
		expect(down.detail).toMatch(/^degraded/);
		expect(healthReport(app.health).status).toBe('degraded');
		const answer = await app.search.query(alice, { q: 'données', filters: {}, page: 1 });
		expect(answer).toEqual({ status: 'unavailable', reason: 'restarting' });

		const padId = app.pads.create(alice, workshopId, { title: 'Pendant la panne' }).id;
		writePad(app, padId, [['p', 'Le mot ornithorynquesque est écrit pendant que le moteur redémarre.']], alice);
		app.rooms.closeAll();

		await until(() => app.search.engine.state().status, (s) => s === 'ready');
		await until(health, (h) => h.ok && h.detail === 'ready');
		expect(Number(fs.readFileSync(path.join(w.dir, 'meili', 'engine.pid'), 'utf8').trim().split(/\s+/)[1])).not.toBe(enginePid);
		// The indexer catches up from the outbox on its own (no flush).
		const found = await until(
			() => app.search.query(alice, { q: 'ornithorynquesque', filters: {}, page: 1 }),
			(r) => r.status === 'ok' && r.total > 0
		);
		expect(found.status === 'ok' && found.hits[0]?.url).toMatch(new RegExp(`/pads/${padId}`));
	}, 60_000);

	it('rebuilds the whole index from SQLite when a restore asked for it', async () => {
		const { app } = w;
		const client = app.search.engine.client()!;
		await client.index('medialab').deleteAllDocuments().waitTask();
		app.db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?)').run(REINDEX_REQUESTED, '2018-09-13T12:00:00.000Z');
		await app.search.stop();
		await app.search.start({ mode: 'embedded', dataDir: path.join(w.dir, 'meili') });
		await until(() => app.db.prepare('SELECT count(*) FROM search_state WHERE name = ?').pluck().get(REINDEX_REQUESTED), (n) => n === 0);
		const found = await app.search.query(alice, { q: 'ornithorynquesque', filters: {}, page: 1 });
		expect(found.status === 'ok' && found.total).toBe(1);
	}, 60_000);

	it('is not restarted after a deliberate stop', async () => {
		const { app } = w;
		const enginePid = Number(fs.readFileSync(path.join(w.dir, 'meili', 'engine.pid'), 'utf8').trim().split(/\s+/)[1]);
		await app.search.stop();
		await new Promise((r) => setTimeout(r, 1500));
		expect(fs.existsSync(path.join(w.dir, 'meili', 'engine.pid'))).toBe(false);
		expect(() => process.kill(enginePid, 0)).toThrow();
		expect(app.search.engine.state().status).not.toBe('unavailable');
	}, 20_000);
});
