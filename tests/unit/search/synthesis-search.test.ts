// Syntheses in search, against a real Meilisearch: editors find the one being written, readers the published one, and a source finds who quotes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { proceedingsScenario } from '../proceedings/proceedings-fixtures';
import { createSearchWorld } from './search-world';

type World = Awaited<ReturnType<typeof createSearchWorld>>;

const synthesisHits = async (w: World, viewer: Viewer | null, q: string) => {
	const result = await w.app.search.query(viewer, { q, filters: {}, page: 1 });
	if (result.status !== 'ok') throw new Error(`search unavailable: ${result.reason}`);
	return result.hits.filter((h) => h.type === 'synthesis');
};

describe('syntheses in search', () => {
	let w: World;
	let s: Awaited<ReturnType<typeof proceedingsScenario>>;
	let synthesisId: string;

	beforeAll(async () => {
		w = await createSearchWorld();
		s = await proceedingsScenario(w.app);
		synthesisId = w.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		await w.app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs en synthèse', markdown: '## Convergences\n\nLes ateliers convergent vers une cartographie partagée.' });
		await w.app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.second, version: 1, anchor: 'h1-divergences', quotedText: 'Certains veulent une licence unique' });
		await w.flush();
	}, 60_000);
	afterAll(async () => w?.close());

	it('shows the synthesis being written to its editors only', async () => {
		const [hit] = await synthesisHits(w, s.facilitator, 'cartographie partagée');
		expect(hit).toMatchObject({ title: 'Les communs en synthèse', url: `/editions/${s.edition.id}/proceedings/syntheses/${synthesisId}` });
		expect(await synthesisHits(w, s.organiser, 'cartographie')).toHaveLength(1);
		// A participant of the workshop, a guest and an anonymous reader do not see a synthesis before it is published.
		for (const viewer of [s.alice, s.bob, null]) expect(await synthesisHits(w, viewer, 'cartographie')).toEqual([]);
	});

	it('finds the synthesis from its quoted source: the source’s title and the quoted words', async () => {
		expect((await synthesisHits(w, s.facilitator, 'Restitution plénière')).map((h) => h.url)).toEqual([`/editions/${s.edition.id}/proceedings/syntheses/${synthesisId}`]);
		expect(await synthesisHits(w, s.facilitator, 'licence unique')).toHaveLength(1);
		expect(await synthesisHits(w, s.facilitator, 'Grille des communs')).toEqual([]);
	});

	it('gives readers the published synthesis, never the text written after it', async () => {
		await w.app.proceedings.publish(s.facilitator, s.edition.id);
		await w.app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs en synthèse', markdown: 'Un brouillon confidentiel pour la suite.\n\n' });
		await w.flush();
		for (const viewer of [null, s.alice]) {
			const hits = await synthesisHits(w, viewer, 'cartographie partagée');
			expect(hits.map((h) => h.url)).toEqual([`/archive/${s.edition.id}/proceedings/v/1#synthese-1`]);
			expect(await synthesisHits(w, viewer, 'Restitution plénière')).toHaveLength(1);
			expect(await synthesisHits(w, viewer, 'brouillon confidentiel')).toEqual([]);
		}
		expect((await synthesisHits(w, s.facilitator, 'brouillon confidentiel')).map((h) => h.url)).toEqual([`/editions/${s.edition.id}/proceedings/syntheses/${synthesisId}`]);
	});

	it('indexes a synthesis as its words, without its Markdown markers', async () => {
		const result = await w.app.search.query(s.facilitator, { q: 'convergences', filters: {}, page: 1 });
		if (result.status !== 'ok') throw new Error(`search unavailable: ${result.reason}`);
		const hits = result.hits.filter((h) => h.type === 'synthesis');
		expect(hits.length).toBeGreaterThan(0);
		for (const hit of hits) expect(JSON.stringify(hit)).not.toContain('## ');
	});

	it('finds syntheses with typos and French plurals, like the rest of the index', async () => {
		expect(await synthesisHits(w, null, 'cartographi partagee')).toHaveLength(1);
	});

	it('no longer offers the text being written once the edition is archived (read-only); readers keep the published one', async () => {
		w.app.editions.setArchived(s.organiser, s.edition.id, { archived: 'on' });
		await w.flush();
		expect(await synthesisHits(w, s.facilitator, 'brouillon confidentiel')).toEqual([]);
		expect((await synthesisHits(w, null, 'cartographie partagée')).map((h) => h.url)).toEqual([`/archive/${s.edition.id}/proceedings/v/1#synthese-1`]);
	});
});
