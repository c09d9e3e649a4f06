import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccount, createEdition, createTestApp, createWorkshop } from '../factories';
import { waitFor } from '../collab/realtime-harness';
import { writePad } from '../search/search-world';
import { cannotMount, fillDisk, mountTmpfs, type Mounted } from './tmpfs';

const mounts: Mounted[] = [];
afterAll(() => {
	for (const m of mounts) m.unmount();
});
const title = (what: string) => (cannotMount ? `${what} (skipped: ${cannotMount})` : what);

// Meilisearch's own data directory on a small tmpfs that fills up (its process supervision belongs to meili-process.ts).
describe('the search engine on a full disk', () => {
	it.skipIf(cannotMount !== null)(title('the indexer backs off while Meilisearch cannot store, and the outbox catches up once space is back'), { timeout: 90_000 }, async () => {
		const disk = mountTmpfs(256 * 1024 * 1024);
		mounts.push(disk);
		const t = createTestApp();
		const { app } = t;
		await app.search.start({ mode: 'embedded', dataDir: path.join(disk.dir, 'meili') });
		try {
			expect(app.search.engine.state().status).toBe('ready');
			const alice = await createAccount(app, 'alice');
			const edition = createEdition(app, alice, { status: 'published' });
			const workshopId = createWorkshop(app, alice, edition.id, { facilitatorIds: [alice.id], statusOverride: 'closed' });
			const first = app.pads.create(alice, workshopId, { title: 'Avant' }).id;
			writePad(app, first, [['p', 'Premier texte anticonstitutionnel.']], alice);
			app.rooms.closeAll();
			await app.search.indexer.flush();

			fillDisk(disk.dir);
			const second = app.pads.create(alice, workshopId, { title: 'Pendant' }).id;
			writePad(app, second, [['p', 'Second texte quasimodesque écrit disque plein.']], alice);
			app.rooms.closeAll();
			// The background indexer fails to send, backs off and keeps the batch: nothing is marked as indexed.
			await waitFor(() => app.search.indexer.pending().failures >= 1, 15_000);
			expect(app.search.indexer.pending()).toMatchObject({ outbox: true });
			expect(app.search.engine.state().status).toBe('ready');
			const during = await app.search.query(alice, { q: 'quasimodesque', filters: {}, page: 1 });
			expect(during).toMatchObject({ status: 'ok', hits: [] });

			for (const name of fs.readdirSync(disk.dir)) if (name.startsWith('filler-')) fs.rmSync(path.join(disk.dir, name));
			await waitFor(() => app.search.indexer.pending().failures === 0 && !app.search.indexer.pending().outbox, 40_000);
			const after = await app.search.query(alice, { q: 'quasimodesque', filters: {}, page: 1 });
			expect(after).toMatchObject({ status: 'ok', hits: [expect.objectContaining({ title: 'Pendant' })] });
		} finally {
			await app.search.stop();
		}
	});
});
