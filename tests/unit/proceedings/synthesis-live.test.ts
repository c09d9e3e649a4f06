// Syntheses as live documents: Markdown written before migration 045 moves into the room, editors write together, others are refused.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import { createTestApp } from '../factories';
import { connectClient, rawSocket, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { proceedingsScenario } from './proceedings-fixtures';

const fragmentText = (doc: Y.Doc) => doc.getXmlFragment(PAD_FRAGMENT).toString();

describe('syntheses written like pads', () => {
	it('moves a synthesis written in Markdown before migration 045 into its live document, losing nothing', async () => {
		const db = openDatabase(':memory:');
		const app = createApp({ db });
		const s = await proceedingsScenario(app);
		// As a row stood before the migration: Markdown in the column (its citation record apart), no live document yet.
		const id = 'legacysynthesis01';
		const citation = 'legacycitation01';
		const before = `# Contexte\n\nDes **communs** et des [liens](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- un\n- deux\n\n---\n\n[[cite:${citation}]]\n\n> Une note.`;
		const at = '2018-09-20T10:00:00.000Z';
		db.prepare('INSERT INTO syntheses (id, edition_id, theme_id, title, markdown, markdown_before_live, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
			id, s.edition.id, s.themeId, 'Communs', before, before, s.facilitator.id, at, at
		);
		db.prepare('INSERT INTO citations (id, synthesis_id, deliverable_id, version, anchor, quoted_text, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)').run(
			citation, id, s.first, 'h1-constats', 'manquent de contributeurs réguliers', at
		);

		const view = app.syntheses.get(s.facilitator, id);
		expect(view.markdown).toContain('# Contexte');
		expect(view.markdown).toContain('**communs**');
		expect(view.markdown).toContain('[liens](https://example.org)');
		expect(view.markdown).toContain('| a | b |');
		expect(view.markdown).toMatch(/- un\n- deux/);
		expect(view.markdown).toContain(`[[cite:${citation}]]`);
		expect(view.markdown).toContain('> Une note.');
		expect(view.html).toContain(`id="cite-${citation}"`);
		const row = db.prepare<[string], { live_at: string | null; markdown_before_live: string }>('SELECT live_at, markdown_before_live FROM syntheses WHERE id = ?').get(id)!;
		expect(row.live_at).not.toBeNull();
		expect(row.markdown_before_live).toBe(before);
		// Once only: reading again does not append the text a second time; the last writer is credited.
		expect(app.syntheses.get(s.facilitator, id).markdown.match(/# Contexte/g)).toHaveLength(1);
		expect(app.syntheses.editors(id)).toContain(s.facilitator.id);
	});

	it('appends a citation to the live document; a Markdown save replaces the text and the history keeps the old one', async () => {
		const { app } = createTestApp();
		const s = await proceedingsScenario(app);
		const id = app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		app.syntheses.save(s.organiser, id, { title: 'Communs', markdown: 'Premier jet.' });
		const citation = app.syntheses.cite(s.facilitator, id, { deliverableId: s.second, version: 1, anchor: 'h1-divergences', quotedText: 'Certains veulent une licence unique' });
		expect(app.syntheses.get(s.facilitator, id).markdown).toBe(`Premier jet.\n\n[[cite:${citation}]]\n`);
		expect(app.syntheses.editors(id).sort()).toEqual([s.facilitator.id, s.organiser.id].sort());
		app.syntheses.save(s.facilitator, id, { title: 'Communs', markdown: 'Second jet.' });
		expect(app.syntheses.get(s.facilitator, id).markdown).toBe('Second jet.\n');
	});
});

describe('a synthesis room', () => {
	let h: Harness | null = null;
	afterEach(async () => {
		await h?.close();
		h = null;
	});

	it('lets two editors write together with stock y-websocket clients and tells a participant it does not exist', async () => {
		h = await startHarness();
		const s = await proceedingsScenario(h.app);
		const id = h.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		const token = (v: { id: string; isGuest: boolean }) => h!.app.sessions.create(v.id, v.isGuest).token;
		const fanny = connectClient(h.url, `synthesis:${id}`, token(s.facilitator));
		const org = connectClient(h.url, `synthesis:${id}`, token(s.organiser));
		await Promise.all([synced(fanny.provider), synced(org.provider)]);

		const paragraph = new Y.XmlElement('paragraph');
		fanny.doc.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
		const text = new Y.XmlText();
		paragraph.insert(0, [text]);
		text.insert(0, 'Les ateliers convergent.');
		await waitFor(() => fragmentText(org.doc).includes('Les ateliers convergent.'));
		// A citation inserted from the sources panel reaches both editors at once.
		const citation = h.app.syntheses.cite(s.organiser, id, { deliverableId: s.first, version: 1, anchor: 'h2-propositions', quotedText: 'Créer une grille' });
		await waitFor(() => fragmentText(fanny.doc).includes(`[[cite:${citation}]]`));
		expect(h.app.syntheses.get(s.facilitator, id).markdown).toBe(`Les ateliers convergent.\n\n[[cite:${citation}]]\n`);
		h.app.rooms.flush();
		expect(h.app.syntheses.editors(id)).toEqual(expect.arrayContaining([s.facilitator.id, s.organiser.id]));

		const alice = await rawSocket(`${h.url}/synthesis:${id}`, token(s.alice));
		expect((await alice.closed).code).toBe(4404);
		const nobody = await rawSocket(`${h.url}/synthesis:${id}`, null);
		expect((await nobody.closed).code).toBe(4404);
		fanny.provider.destroy();
		org.provider.destroy();
	});
});
