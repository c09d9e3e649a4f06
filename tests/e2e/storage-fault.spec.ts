// Story: Alice writes the workshop notes when the server's database stops taking writes (another program holds it
// locked, as a full disk would refuse them): she is told her text stays on her device, and it is saved once writes succeed.
import Database from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';
import { createDocStore } from '../../server/collab/doc-store';
import type { App } from '../../server/app';
import { expect, test } from './fixtures';

/** The pad as the server's database holds it (what a restart would load). */
function storedPadText(app: App, padId: string): string {
	const stored = createDocStore(app.db).load(`pad:${padId}`);
	const doc = new Y.Doc();
	if (stored.base) Y.applyUpdate(doc, stored.base);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	return doc.getXmlFragment('default').toString();
}

test('a pad tells its writer when the server cannot store, and saves everything once it can', async ({ browser, app, createPerson, logIn, liveWorkshop }) => {
	test.setTimeout(120_000);
	const alice = await createPerson('Alice Martin');
	const workshop = liveWorkshop(alice, 'NEC stockage');
	const pad = app.pads.create(alice.viewer, workshop.workshopId, { title: 'Notes' });
	const context = await browser.newContext();
	await logIn(context, alice);
	const page = await context.newPage();

	await page.goto(`${workshop.workshopUrl}/pads/${pad.id}`);
	const editor = page.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(page.getByText('En ligne, enregistré')).toBeVisible();
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('Avant la panne.');
	await expect.poll(() => storedPadText(app, pad.id)).toContain('Avant la panne.');

	// Another program takes the database's write lock: the server's writes fail once its busy timeout (250 ms for this
	// suite, playwright.config.ts) is over, so the page learns of it within seconds instead of after 5 s per write.
	const lock = new Database(path.join(process.env.E2E_DATA_DIR!, 'medialab.sqlite'));
	lock.exec('BEGIN EXCLUSIVE');
	try {
		await page.keyboard.type(' Pendant la panne.', { delay: 40 });
		await expect(page.getByText('Pas encore enregistré')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByText(/Vos modifications restent sur cet appareil/)).toBeVisible();
		await page.keyboard.type(' Encore.', { delay: 40 });
	} finally {
		lock.exec('ROLLBACK');
		lock.close();
	}

	// Writes succeed again: the page sends what it kept, says it is saved, and the database has every word.
	await expect(page.getByText('En ligne, enregistré')).toBeVisible({ timeout: 40_000 });
	await expect.poll(() => storedPadText(app, pad.id), { timeout: 20_000 }).toContain('Avant la panne. Pendant la panne. Encore.');
	await expect(editor).toContainText('Avant la panne. Pendant la panne. Encore.');
	await context.close();
});
