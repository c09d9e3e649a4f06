// Search against a real Meilisearch: typos, synonyms, facets, permissions, section anchors, catching up after an outage.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import type { SearchInput } from '../../../server/shared/search';
import { createAccount, createEdition, createGuest, createWorkshop, joinCodeOf } from '../factories';
import { createSearchWorld, say, writePad } from './search-world';

type World = Awaited<ReturnType<typeof createSearchWorld>>;

const ask = async (w: World, viewer: Viewer | null, q: string, filters: SearchInput['filters'] = {}) => {
	const result = await w.app.search.query(viewer, { q, filters, page: 1 });
	if (result.status !== 'ok') throw new Error(`search unavailable: ${result.reason}`);
	return result;
};

describe('search over a real Meilisearch', () => {
	let w: World;
	let admin: Viewer;
	let alice: Viewer; // organiser of A
	let bob: Viewer; // organiser of B
	let carol: Viewer; // participant of A's live workshop
	let editionA: string;
	let editionB: string;
	let closedA: string;
	let liveA: string;
	let liveB: string;
	let padClosed: string;

	beforeAll(async () => {
		w = await createSearchWorld();
		const { app } = w;
		admin = await createAccount(app, 'root'); // the first account is the instance admin, who sees everything
		alice = await createAccount(app, 'alice');
		bob = await createAccount(app, 'bob');
		carol = createGuest(app, 'Carol');
		editionA = createEdition(app, alice, { title: 'NEC 2018 Nantes', status: 'published' }).id;
		editionB = createEdition(app, bob, { title: 'NEC974 La Réunion', startsOn: '2019-05-02', endsOn: '2019-05-03', status: 'published' }).id;
		// Edition A opened its closed workshops' pads and drive to every reader; B did not.
		app.editions.setSharing(alice, editionA, { workspacePublic: 'on' });
		const donnees = app.structure.addTheme(alice, editionA, { label: '#données', aliases: ['#data'] });
		const inclusion = app.structure.addTheme(alice, editionA, { label: '#inclusion' });
		const communsA = app.structure.addTrack(alice, editionA, { title: 'Communs numériques' });
		const communsB = app.structure.addTrack(bob, editionB, { title: 'Communs numériques' });
		closedA = createWorkshop(app, alice, editionA, { title: 'Ouvrir les données publiques', themeIds: [donnees], statusOverride: 'closed', trackId: communsA });
		liveA = createWorkshop(app, alice, editionA, { title: 'Médiation et inclusion', format: 'table-ronde', themeIds: [inclusion], statusOverride: 'live' });
		liveB = createWorkshop(app, bob, editionB, { title: 'Atelier réunionnais', startsAt: '2019-05-02T10:00', endsAt: '2019-05-02T12:00', statusOverride: 'live', trackId: communsB });
		app.workshops.join(carol, joinCodeOf(app, liveA));

		padClosed = app.pads.create(alice, closedA, { title: 'Notes partagées' }).id;
		writePad(app, padClosed, [
			['p', 'Introduction de la séance sur les jeux de données ouverts.'],
			['h', 'Points de convergence'],
			['p', 'Les collectivités publient leurs jeux de données sous Licence Ouverte.'],
			['h', 'Exemples d’initiatives'],
			['p', 'Un tiers-lieu à Rezé anime un atelier de cartographie contributive.']
		], alice);
		const padLive = app.pads.create(alice, liveA, { title: 'Prise de notes' }).id;
		writePad(app, padLive, [['h', 'Constats'], ['p', 'La médiation numérique favorise l’inclusion des publics éloignés.']], alice);
		const padB = app.pads.create(bob, liveB, { title: 'Secret' }).id;
		writePad(app, padB, [['p', 'Le mot zorglubien reste entre nous.']], bob);
		say(app, liveB, bob, 'Le zorglubien se dit aussi dans le chat.', Date.parse('2019-05-02T06:30:00Z'));
		say(app, liveA, carol, 'Qui anime la cartographie contributive ?', Date.parse('2018-09-13T12:10:00Z'));
		await app.files.upload(bob, liveB, { name: 'compte-rendu.md', source: Readable.from([Buffer.from('# Compte rendu\n\nLe zorglubien figure aussi dans un fichier.')]) });
		await w.flush();
	}, 60_000);

	afterAll(async () => {
		await w?.close();
	});

	it('finds « inclusion » when typed « inclsuion », and suggests the right spelling', async () => {
		const r = await ask(w, carol, 'inclsuion');
		expect(r.hits.map((h) => h.title)).toContain('Constats');
		const hit = r.hits.find((h) => h.title === 'Constats')!;
		expect(hit.snippet).toContain('<mark>inclusion</mark>');
		expect(r.suggestion).toBe('inclusion');
	});

	it('finds a section of a workshop tagged #données when searching « data »', async () => {
		const r = await ask(w, null, 'data');
		expect(r.hits.some((h) => h.type === 'pad' && h.url.includes(padClosed))).toBe(true);
		expect(r.hits.some((h) => h.type === 'workshop' && h.title === 'Ouvrir les données publiques')).toBe(true);
	});

	it('treats « tiers lieux » as « tiers-lieu »', async () => {
		const r = await ask(w, null, 'tiers lieux');
		expect(r.hits[0]?.title).toBe('Exemples d’initiatives');
	});

	it('opens the exact section: the hit links to the pad with the heading anchor, with where and when', async () => {
		const r = await ask(w, null, 'Licence Ouverte collectivités');
		const hit = r.hits.find((h) => h.type === 'pad')!;
		expect(hit.title).toBe('Points de convergence');
		expect(hit.url).toBe(`/editions/${editionA}/workshops/${closedA}/pads/${padClosed}#h1-points-de-convergence`);
		expect(hit.context).toMatchObject({ editionTitle: 'NEC 2018 Nantes', workshopTitle: 'Ouvrir les données publiques', date: '2018-09-13T14:00' });
		// The same instant, and the clock it reads on, so a reader elsewhere is told which clock.
		expect(hit.context).toMatchObject({ at: Date.parse('2018-09-13T12:00:00Z'), timeZone: 'Europe/Paris' });
		expect(hit.snippet).toMatch(/<mark>Licence<\/mark> <mark>Ouverte<\/mark>/);
	});

	it('counts facets with labels and filters by them (several values of one facet OR-ed)', async () => {
		const all = await ask(w, alice, '');
		expect(all.facets.edition.find((f) => f.value === editionA)?.label).toBe('NEC 2018 Nantes');
		expect(all.facets.theme.map((f) => f.label)).toEqual(expect.arrayContaining(['#données', '#inclusion']));
		expect(all.facets.format.find((f) => f.value === 'table-ronde')?.label).toBe('Table ronde');
		const onlyRound = await ask(w, alice, '', { format: ['table-ronde'] });
		expect(onlyRound.total).toBeGreaterThan(0);
		expect(onlyRound.hits.every((h) => h.context.workshopTitle === 'Médiation et inclusion')).toBe(true);
		// The selected facet still offers its other values, with their counts.
		expect(onlyRound.facets.format.map((f) => f.value)).toEqual(expect.arrayContaining(['table-ronde', 'atelier-contributif']));
		const chatsOnly = await ask(w, alice, '', { type: ['chat'] });
		expect(chatsOnly.hits.map((h) => h.type)).toEqual(['chat']);
		expect(chatsOnly.hits[0]!.url).toMatch(new RegExp(`/workshops/${liveA}/chat#msg-[a-z0-9]+$`));
		const root = await ask(w, admin, '');
		// The same track in two editions is one value, shown by its title.
		expect(root.facets.track.map((f) => f.label)).toEqual(['Communs numériques']);
		const communs = await ask(w, admin, '', { track: [root.facets.track[0]!.value] });
		expect(new Set(communs.hits.map((h) => h.context.workshopTitle))).toEqual(new Set(['Ouvrir les données publiques', 'Atelier réunionnais']));
		const year = await ask(w, alice, '', { year: ['2019'] });
		expect(year.total).toBeGreaterThan(0);
		expect(year.hits.every((h) => h.context.editionTitle === 'NEC974 La Réunion')).toBe(true);
	});

	it('never shows edition B’s private pad, chat or file to a member of edition A, even by a matching word', async () => {
		for (const viewer of [alice, carol, null]) {
			const r = await ask(w, viewer, 'zorglubien');
			expect(r.hits).toEqual([]);
			expect(r.total).toBe(0);
		}
		const insider = await ask(w, bob, 'zorglubien');
		expect(insider.hits.map((h) => h.type).sort()).toEqual(['chat', 'file', 'pad']);
	});

	it('shows an anonymous reader only public content: no live workshop’s pad or chat, no draft edition', async () => {
		const { app } = w;
		const draft = createEdition(app, alice, { title: 'Brouillon confidentiel' });
		createWorkshop(app, alice, draft.id, { title: 'Atelier confidentiel', statusOverride: 'closed' });
		await w.flush();
		expect((await ask(w, null, 'confidentiel')).total).toBe(0);
		expect((await ask(w, alice, 'confidentiel')).total).toBe(2);
		expect((await ask(w, null, 'médiation publics éloignés')).hits.filter((h) => h.type === 'pad')).toEqual([]);
		expect((await ask(w, carol, 'médiation publics éloignés')).hits.filter((h) => h.type === 'pad')).toHaveLength(1);
		expect((await ask(w, null, 'cartographie')).hits.filter((h) => h.type === 'chat')).toEqual([]);
		// Once the workshop is closed, its pads open to every reader if the edition opened its workspace; its chat only if the edition made it public.
		app.workshops.setStatus(alice, liveA, 'closed');
		await w.flush();
		expect((await ask(w, null, 'médiation publics éloignés')).hits.filter((h) => h.type === 'pad')).toHaveLength(1);
		app.db.prepare('UPDATE editions SET workspace_public = 0 WHERE id = ?').run(editionA);
		expect((await ask(w, null, 'médiation publics éloignés')).hits.filter((h) => h.type === 'pad')).toEqual([]);
		expect((await ask(w, carol, 'médiation publics éloignés')).hits.filter((h) => h.type === 'pad')).toHaveLength(1);
		app.db.prepare('UPDATE editions SET workspace_public = 1 WHERE id = ?').run(editionA);
		expect((await ask(w, null, 'cartographie')).hits.filter((h) => h.type === 'chat')).toEqual([]);
		app.db.prepare('UPDATE editions SET chat_public = 1 WHERE id = ?').run(editionA);
		expect((await ask(w, null, 'cartographie')).hits.filter((h) => h.type === 'chat')).toHaveLength(1);
	});

	it('removes a deleted pad from the results', async () => {
		const { app } = w;
		const pad = app.pads.create(alice, closedA, { title: 'Brouillon éphémère' }).id;
		writePad(app, pad, [['p', 'Un paragraphe xylophonique.']], alice);
		await w.flush();
		expect((await ask(w, alice, 'xylophonique')).total).toBe(1);
		app.pads.remove(alice, pad);
		await w.flush();
		expect((await ask(w, alice, 'xylophonique')).total).toBe(0);
	});

	it('drops a hidden message from the results, even one already moved out of the live chat into the archive', async () => {
		const { app } = w;
		const first = say(app, liveA, carol, 'Une remarque hippopotamesque à modérer.', Date.parse('2018-09-13T12:11:00Z'));
		for (let i = 0; i < 260; i++) say(app, liveA, carol, `Message ${i}`, Date.parse('2018-09-13T12:12:00Z') + i);
		expect(app.chat.archive(alice, liveA).archived).toBeGreaterThan(0);
		await w.flush();
		expect((await ask(w, alice, 'hippopotamesque')).total).toBe(1);
		app.chat.moderate(alice, liveA, { messageId: first, action: 'hide' });
		await w.flush();
		expect((await ask(w, alice, 'hippopotamesque')).total).toBe(0);
	});

	it('finds a chat message and a promoted quote under the author’s current credit choice, again after a change or an erasure', async () => {
		const { app } = w;
		const dave = createGuest(app, 'Dave Durand');
		app.workshops.join(dave, joinCodeOf(app, liveA));
		const messageId = say(app, liveA, dave, 'Une question ptérodactylesque sur la médiation.', Date.parse('2018-09-13T12:20:00Z'));
		const quotes = app.pads.create(alice, liveA, { title: 'Citations' }).id;
		app.chat.promote(alice, liveA, { messageId, padId: quotes, timeZone: 'Europe/Paris' }, { chatUrl: 'http://localhost/chat', locale: 'fr' });
		const plain = (s: string) => s.replace(/<\/?mark>/g, '');
		const found = async (q: string) => (await ask(w, alice, q)).hits.map((h) => ({ type: h.type, title: plain(h.title), snippet: plain(h.snippet) }));
		await w.flush();
		expect(await found('ptérodactylesque')).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'chat', title: 'Dave Durand' })]));
		expect((await found('Durand')).map((h) => h.type).sort()).toEqual(['chat', 'pad']);

		app.credits.setChoice(dave, editionA, { mode: 'pseudonym', pseudonym: 'Dodo974' });
		await w.flush();
		expect((await found('ptérodactylesque')).filter((h) => h.type === 'chat').map((h) => h.title)).toEqual(['Dodo974']);
		expect(await found('Durand')).toEqual([]);
		expect((await found('Dodo974')).map((h) => h.type).sort()).toEqual(['chat', 'pad']);

		await app.privacy.erase(dave, { confirmName: 'Dave Durand' });
		await w.flush();
		expect((await found('ptérodactylesque')).filter((h) => h.type === 'chat').map((h) => h.title)).toEqual(['contributeur anonyme']);
		expect(await found('Dodo974')).toEqual([]);
	});

	it('finds a published deliverable, linked to its citable archive page, until it is withdrawn', async () => {
		const { app } = w;
		const id = app.deliverables.create(alice, closedA, { padId: padClosed, title: 'Grille de lecture des données ouvertes', summary: 'Une synthèse quadrupède.' });
		await w.flush();
		expect((await ask(w, alice, 'quadrupède')).total).toBe(0); // a draft is not yet a deliverable anyone can read
		app.deliverables.publish(alice, id);
		await w.flush();
		const hits = (await ask(w, null, 'quadrupède', { type: ['deliverable'] })).hits;
		expect(hits.map((h) => h.url)).toEqual([`/archive/${editionA}/deliverables/${id}`]);
		app.deliverables.withdraw(alice, id);
		await w.flush();
		expect((await ask(w, null, 'quadrupède')).total).toBe(0);
	});

	it('makes an edit searchable within 2 s without being asked: the indexer wakes on the changed-room mark', async () => {
		const { app } = w;
		const pad = app.pads.create(alice, closedA, { title: 'En direct' }).id;
		await w.flush();
		const started = Date.now();
		writePad(app, pad, [['p', 'Une phrase ornithorynque tapée en direct.']], alice);
		let found = 0;
		while (found === 0 && Date.now() - started < 2000) {
			await new Promise((r) => setTimeout(r, 25));
			found = (await ask(w, alice, 'ornithorynque')).total;
		}
		expect(found).toBe(1);
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('rebuilds the whole index from SQLite alone', async () => {
		const { app } = w;
		const client = app.search.engine.client()!;
		await client.index('medialab').deleteAllDocuments().waitTask();
		expect((await ask(w, alice, 'Licence Ouverte')).total).toBe(0);
		const { documents } = await app.search.indexer.reindexAll();
		expect(documents).toBeGreaterThan(10);
		expect((await ask(w, null, 'Licence Ouverte collectivités')).hits[0]?.title).toBe('Points de convergence');
		expect((await ask(w, bob, 'zorglubien')).total).toBe(3);
	});

	it('answers « unavailable » while Meilisearch is down, and catches up once it is back', async () => {
		const { app } = w;
		const meiliDir = `${w.dir}/meili`;
		await app.search.stop();
		const down = await app.search.query(alice, { q: 'x', filters: {}, page: 1 });
		expect(down).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
		// Edits keep working meanwhile.
		const pad = app.pads.create(alice, closedA, { title: 'Pendant la panne' }).id;
		writePad(app, pad, [['h', 'Rattrapage'], ['p', 'Ce texte quasimodesque est écrit pendant la panne.']], alice);
		app.rooms.closeAll();
		await app.search.start({ mode: 'embedded', dataDir: meiliDir });
		await w.flush();
		const r = await ask(w, alice, 'quasimodesque');
		expect(r.hits.map((h) => h.url)).toEqual([expect.stringMatching(new RegExp(`/pads/${pad}#h1-rattrapage$`))]);
	}, 30_000);
});
