import { beforeEach, describe, expect, it } from 'vitest';
import { buildOpenData } from '../../../server/exports/open-data';
import { renderStaticSite } from '../../../server/exports/static-site/build';
import { labelsFr } from '../archive/archive-fixtures';
import { createTestApp, expectAppError, PASSWORD, type TestApp } from '../factories';
import { proceedingsScenario } from './proceedings-fixtures';

describe('proceedings', () => {
	let t: TestApp;
	let s: Awaited<ReturnType<typeof proceedingsScenario>>;
	beforeEach(async () => {
		t = createTestApp();
		s = await proceedingsScenario(t.app);
		const synthesisId = t.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs', markdown: '## Convergences\n\nTous veulent une grille.' });
		await t.app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.second, version: 1, anchor: 'h1-divergences', quotedText: 'Certains veulent une licence unique' });
		t.app.proceedings.saveDraft(s.organiser, s.edition.id, { introduction: 'Deux jours pour les communs.', licence: 'CC-BY-4.0', photos: 'Paula Photo\n', design: 'Dana Design' });
	});

	it('is invisible to readers until a version is published, then frozen and numbered', async () => {
		await expectAppError(() => t.app.proceedings.read(null, s.edition.id), 'not_found');
		expect(await t.app.proceedings.publish(s.facilitator, s.edition.id)).toBe(1);
		const v1 = t.app.proceedings.read(null, s.edition.id);
		expect(v1).toMatchObject({ version: 1, licence: 'CC-BY-4.0', editionTitle: s.edition.title });
		expect(v1.syntheses[0]!.html).toContain(`/archive/${s.edition.id}/deliverables/${s.second}/v/1#h1-divergences`);
		expect(v1.tracks.flatMap((tr) => tr.deliverables.map((d) => d.title)).sort()).toEqual(['Grille des communs', 'Restitution plénière']);
		// Later edits do not change version 1.
		const synthesisId = t.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Changé', markdown: 'Autre texte.' });
		expect(await t.app.proceedings.publish(s.organiser, s.edition.id)).toBe(2);
		expect(t.app.proceedings.read(null, s.edition.id, 1).syntheses[0]!.title).toBe('Les communs');
		expect(t.app.proceedings.read(null, s.edition.id).syntheses[0]!.title).toBe('Changé');
		expect(t.app.proceedings.read(null, s.edition.id).versions.map((v) => v.version)).toEqual([1, 2]);
	});

	it('refuses participants and a draft edition', async () => {
		await expectAppError(() => t.app.proceedings.publish(s.alice, s.edition.id), 'forbidden');
		t.app.editions.setStatus(s.organiser, s.edition.id, { status: 'draft' });
		await expectAppError(() => t.app.proceedings.publish(s.organiser, s.edition.id), 'conflict');
	});

	it('credits every contributor in the colophon by their current choice, an erased account anonymously', async () => {
		await t.app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_c' });
		await t.app.proceedings.publish(s.facilitator, s.edition.id);
		const groups = () => Object.fromEntries(t.app.proceedings.read(null, s.edition.id).colophon.map((g) => [g.role, g.names]));
		expect(groups()).toEqual({
			texts: ['alice_c', 'Bob le guest'],
			editing: ['Fanny'],
			facilitation: ['Fanny'],
			photos: ['Paula Photo'],
			design: ['Dana Design']
		});
		// Choices made after publication apply to the published version too.
		await t.app.credits.setChoice(s.bob, s.edition.id, { mode: 'anonymous' });
		await t.app.privacy.erase(s.alice, { password: PASSWORD });
		expect(groups().texts).toEqual(['contributeur anonyme']);
		expect(t.app.proceedings.read(null, s.edition.id, 1, 'en').colophon[0]).toEqual({ role: 'texts', names: ['anonymous contributor'] });
		// The citation's attribution follows too.
		expect(t.app.proceedings.read(null, s.edition.id).syntheses[0]!.html).toContain('contributeur anonyme');
	});

	it('adds what a published version froze to the open data: proceedings, syntheses, citations, links', async () => {
		const synthesisId = t.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		t.app.syntheses.addLink(s.facilitator, s.edition.id, { targetKind: 'synthesis', targetId: synthesisId, title: 'Guide', url: 'https://example.org/guide', kind: 'article' });
		expect(t.app.proceedings.openData(s.edition.id).syntheses).toEqual([]);
		await t.app.proceedings.publish(s.facilitator, s.edition.id);
		// Edits after publication stay out until the next version.
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Brouillon', markdown: 'pas encore publié' });
		const data = buildOpenData(await t.app.archive.snapshot(s.edition.id), 'https://medialab.example', t.app.proceedings.openData(s.edition.id));
		expect(data.proceedings).toEqual([{ version: 1, publishedAt: expect.any(String), licence: 'CC-BY-4.0', url: `https://medialab.example/archive/${s.edition.id}/proceedings/v/1` }]);
		expect(data.syntheses.map((x) => x.title)).toEqual(['Les communs']);
		expect(data.citations).toEqual([expect.objectContaining({ deliverableId: s.second, version: 1, url: `https://medialab.example/archive/${s.edition.id}/deliverables/${s.second}/v/1#h1-divergences` })]);
		expect(data.resourceLinks.map((l) => l.url)).toEqual(['https://example.org/guide']);
		// A citation whose line was removed from the text is left out of the next version.
		await t.app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs', markdown: 'Sans citation.' });
		await t.app.proceedings.publish(s.facilitator, s.edition.id);
		expect(t.app.proceedings.openData(s.edition.id).citations).toEqual([]);
	});

	it('puts the latest booklet and its open data in the static site', async () => {
		await t.app.proceedings.publish(s.facilitator, s.edition.id);
		const url = `https://medialab.example/archive/${s.edition.id}/proceedings/v/1`;
		const proceedings = { view: t.app.proceedings.read(null, s.edition.id), url, openData: t.app.proceedings.openData(s.edition.id) };
		const site = renderStaticSite(await t.app.archive.snapshot(s.edition.id), labelsFr, 'https://medialab.example', new Set(), proceedings);
		expect(site.get('proceedings.html')).toContain(`<link rel="canonical" href="${url}">`);
		expect(JSON.parse(site.get('data/open-data.json')!).syntheses.map((x: { title: string }) => x.title)).toEqual(['Les communs']);
		expect(renderStaticSite(await t.app.archive.snapshot(s.edition.id), labelsFr, 'https://medialab.example').has('proceedings.html')).toBe(false);
	});
});
