import { describe, expect, it } from 'vitest';
import { countWords, padText } from '../../../server/domain/archive/words';
import { count, createEdition, createTestApp, createWorkshop, expectAppError } from '../factories';
import { writeParagraph } from '../deliverables/deliverable-fixtures';
import { publishedArchive } from './archive-fixtures';

describe('archive read model', () => {
	it('lists published editions with their published deliverables, and hides drafts', async () => {
		const { app } = createTestApp();
		const s = await publishedArchive(app);
		const draft = createEdition(app, s.organiser, { title: 'Brouillon' });
		const editions = app.archive.listEditions();
		expect(editions.map((e) => e.id)).toEqual([s.edition.id]);
		expect(editions[0]!.deliverables).toBe(1);
		await expectAppError(() => app.archive.edition(draft.id), 'not_found');
	});

	it('gives the programme with each workshop’s published deliverables, and theme and track pages', async () => {
		const { app } = createTestApp();
		const s = await publishedArchive(app);
		const trackId = app.structure.addTrack(s.organiser, s.edition.id, { title: 'Communs numériques', lead: 'Inno3' });
		const other = createWorkshop(app, s.organiser, s.edition.id, { title: 'Financer les communs', trackId, format: 'masterclass' });
		const archive = app.archive.edition(s.edition.id);
		const workshop = archive.workshops.find((w) => w.id === s.workshopId)!;
		expect(workshop.deliverables.map((d) => d.title)).toEqual(['Grille d’identification des communs']);
		expect(archive.workshops.find((w) => w.id === other)!.deliverables).toEqual([]);

		const theme = app.archive.theme(s.edition.id, s.themeId);
		expect(theme.deliverables.map((d) => d.id)).toEqual([s.deliverableId]);
		expect(theme.workshops.map((w) => w.id)).toEqual([s.workshopId]);
		const track = app.archive.track(s.edition.id, trackId);
		expect(track.workshops.map((w) => w.title)).toEqual(['Financer les communs']);
		await expectAppError(() => app.archive.theme(s.edition.id, 'nope'), 'not_found');
	});

	it('shows a deliverable only in its own edition, any version, withdrawn ones marked', async () => {
		const { app } = createTestApp();
		const s = await publishedArchive(app);
		writeParagraph(app, s.pad.id, s.alice.id, 'Ajout pour la version deux.');
		await app.deliverables.publish(s.facilitator, s.deliverableId);
		const v1 = app.archive.deliverable(s.edition.id, s.deliverableId, 1);
		const v2 = app.archive.deliverable(s.edition.id, s.deliverableId);
		expect(v1.version).toBe(1);
		expect(v2.version).toBe(2);
		expect(v1.markdown).not.toContain('version deux');
		expect(v2.markdown).toContain('version deux');
		const { diff } = app.archive.changes(s.edition.id, s.deliverableId, 1, 2);
		expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('version deux');

		const other = createEdition(app, s.organiser, { title: 'Autre', status: 'published' });
		await expectAppError(() => app.archive.deliverable(other.id, s.deliverableId), 'not_found');

		app.deliverables.withdraw(s.facilitator, s.deliverableId);
		expect(app.archive.deliverable(s.edition.id, s.deliverableId).status).toBe('withdrawn');
		expect(app.archive.listEditions()[0]!.deliverables).toBe(0);
		expect(app.archive.edition(s.edition.id).deliverables[0]!.status).toBe('withdrawn');
	});

	it('computes key figures from the data: formats, pads, words, contributors, files, per theme', async () => {
		const { app } = createTestApp();
		const s = await publishedArchive(app);
		createWorkshop(app, s.organiser, s.edition.id, { title: 'Scène', format: 'scene-ouverte' });
		const words = countWords(padText(await app.padDocuments.currentContent(s.pad.id)));
		// 9 words from Alice; « puis-je » and « est-ce » are one word each: 13 from Bob.
		expect(words).toBe(9 + 13);
		app.db
			.prepare(
				`INSERT INTO files (id, workshop_id, name, sha256, size, mime, kind, active, uploaded_by, uploader_name, uploaded_at) VALUES ('f1', ?, 'a.pdf', 'x', 1, 'application/pdf', 'document', 0, ?, 'Alice', '2018-09-13')`
			)
			.run(s.workshopId, s.facilitator.id);
		const f = await app.archive.figures(s.edition.id);
		expect(f).toMatchObject({ workshops: 2, pads: 1, deliverables: 1, words, files: 1, contributors: 3 });
		expect(f.byFormat).toEqual([
			{ format: 'atelier-contributif', workshops: 1 },
			{ format: 'scene-ouverte', workshops: 1 }
		]);
		expect(f.byTheme).toEqual([{ id: s.themeId, label: '#communs', workshops: 1, pads: 1, deliverables: 1, words, files: 1 }]);
		// Alice and Bob wrote in the pad; the facilitator wrote nothing there but shared a file.
		expect(count(app, 'doc_updates', 'author_id = ?', s.facilitator.id)).toBe(0);
	});
});

describe('word count', () => {
	it('counts words across marks and blocks, with apostrophes and hyphens inside words', () => {
		const doc = {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'Aujourd’hui, les ' }, { type: 'text', text: 'tiers', marks: [{ type: 'bold' }] }, { type: 'text', text: '-lieux' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'fin' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'début 2018 !' }] }
			]
		};
		expect(padText(doc)).toContain('fin début');
		expect(countWords(padText(doc))).toBe(6);
	});
});
