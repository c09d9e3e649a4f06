import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { readKitZip } from '../../../server/kits/kit-files';
import { validateKit } from '../../../server/kits/kit-validate';
import { count, createAccount, createEdition, createWorkshop, expectAppError, START } from '../factories';
import { tinyKit } from './kit-fixtures';

const brest = { title: 'NEC Brest 2027', city: 'Brest', startsOn: '2027-03-10', endsOn: '2027-03-11' };
const lineageText = { title: 'Famille du kit', desc: 'Les kits et les événements qui en sont issus.' };

describe('kit round trip: fork, export, fork the export, export again', () => {
	let app: App;
	let orga: Viewer;
	let kitsDir: string;
	let brestEdition: EditionRow;

	beforeEach(async () => {
		kitsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-kits-'));
		for (const [name, body] of Object.entries(tinyKit())) {
			fs.mkdirSync(path.dirname(path.join(kitsDir, 'mini-kit', name)), { recursive: true });
			fs.writeFileSync(path.join(kitsDir, 'mini-kit', name), body);
		}
		app = createApp({ db: openDatabase(':memory:'), clock: () => START, kitsDir });
		orga = await createAccount(app, 'olivia');
		brestEdition = app.kits.fork(orga, app.kits.getBuiltIn('mini-kit'), brest);
	});
	afterEach(() => fs.rmSync(kitsDir, { recursive: true, force: true }));

	const exportKit = async (edition: EditionRow) => (await app.kits.exportZip(orga, edition.id)).bytes;
	const unzip = async (bytes: Buffer) => validateKit(await readKitZip(bytes));

	it('lists the built-in kits from the kits folder', () => {
		expect(app.kits.listBuiltIn()).toEqual([
			{ id: 'mini-kit', title: 'Mini kit contributif', summary: 'Un petit kit pour les tests.', version: '1.2.0', licence: 'etalab-2.0', languages: ['fr'], problems: [] }
		]);
		expect(() => app.kits.getBuiltIn('../mini-kit')).toThrow('error.kit.notFound');
	});

	it('pre-populates the new edition and records its lineage', () => {
		const programme = app.workshops.programme(orga, brestEdition.id);
		expect(programme.themes.map((t) => [t.label, t.aliases])).toEqual([
			['#Inclusion numérique', ['#inclusion']],
			['#Données', ['#data']]
		]);
		expect(programme.tracks.map((t) => [t.title, t.workshops.map((w) => w.title)])).toEqual([['Communs numériques', ['Identifier les ressources', 'Produire des communs']]]);
		const workshops = app.db.prepare('SELECT title, starts_at, ends_at FROM workshops WHERE edition_id = ? ORDER BY starts_at').all(brestEdition.id);
		expect(workshops).toEqual([
			{ title: 'Identifier les ressources', starts_at: '2027-03-10T14:00', ends_at: '2027-03-10T15:30' },
			{ title: 'Produire des communs', starts_at: '2027-03-11T10:00', ends_at: '2027-03-11T11:30' }
		]);
		const overview = app.kits.overview(orga, brestEdition.id);
		expect(overview.manifest).toMatchObject({
			id: 'nec-brest-2027',
			version: '1.2.0',
			forkedFrom: { kit: 'mini-kit', version: '1.2.0', edition: 'NEC Brest 2027', territory: 'Brest', date: '2018-09-13' }
		});
		expect(overview.documents.map((d) => [d.path, d.kind, d.guideKind])).toEqual([
			['README.md', 'readme', null],
			['guides/01-medialab.md', 'guide', 'guide'],
			['guides/02-charte.md', 'guide', 'charter'],
			['templates/atelier-contributif.md', 'template', null]
		]);
		expect(overview.programme.timeline).toEqual([{ phase: 'before', when: 'J-90', task: 'Réunir les contributeurs thématiques', owner: 'organisation' }]);
	});

	it('exports the same bytes for the same content, and a valid kit pointing at its upstream', async () => {
		const first = await exportKit(brestEdition);
		expect((await exportKit(brestEdition)).equals(first)).toBe(true);
		const kit = await unzip(first);
		expect(kit.manifest.forkedFrom).toEqual({ kit: 'mini-kit', version: '1.2.0', edition: 'NEC Brest 2027', territory: 'Brest', date: '2018-09-13' });
		expect(kit.programme.rooms).toEqual([{ label: 'Salle 1', type: 'salle-atelier' }]);
		expect(kit.programme.workshops[1]).toEqual({
			title: 'Produire des communs', format: 'atelier-contributif', track: 'Communs numériques', themes: ['#Inclusion numérique'], day: 2, start: '10:00', end: '11:30', room: 'Salle 1', description: ''
		});
		// Changing anything changes the bytes.
		app.kits.saveTemplate(orga, brestEdition.id, { format: 'atelier-contributif', title: 'Atelier contributif', body: '## Autre\n\nTexte.\n' });
		expect((await exportKit(brestEdition)).equals(first)).toBe(false);
	});

	it('forks the export into a third edition whose export has the same structure and templates', async () => {
		const firstKit = await unzip(await exportKit(brestEdition));
		const quimper = app.kits.fork(orga, firstKit, { title: 'NEC Quimper 2028', city: 'Quimper', startsOn: '2028-05-02', endsOn: '2028-05-03' });
		const secondKit = await unzip(await exportKit(quimper));
		expect(secondKit.programme).toEqual(firstKit.programme);
		const templates = (files: Map<string, string>) => [...files].filter(([name]) => name.startsWith('templates/') || name.startsWith('guides/'));
		expect(templates(secondKit.files)).toEqual(templates(firstKit.files));
		expect(secondKit.manifest.templates).toEqual(firstKit.manifest.templates);
		expect(secondKit.manifest.guides).toEqual(firstKit.manifest.guides);
		expect(secondKit.manifest.forkedFrom).toMatchObject({ kit: 'nec-brest-2027', version: '1.2.0', edition: 'NEC Quimper 2028', territory: 'Quimper' });

		const { graph, svg } = app.kits.lineage(orga, 'mini-kit', lineageText);
		const tree = (id: string): unknown => [graph.nodes.get(id)!.label, graph.nodes.get(id)!.children.map(tree)];
		expect(tree(graph.rootId)).toEqual(['Mini kit contributif', [['NEC Brest 2027', [['nec-brest-2027', [['NEC Quimper 2028', []]]]]]]]);
		expect(svg).toContain('role="img"');
		expect(svg).toContain('<title id="lineage-title">Famille du kit</title>');
		// From a fork, the tree is drawn from the top of its family.
		expect(app.kits.lineage(orga, 'nec-brest-2027', lineageText).graph.rootId).toBe('kit:mini-kit');
		// Drafts stay private: an anonymous visitor sees the built-in kit alone.
		expect([...app.kits.lineage(null, 'mini-kit', lineageText).graph.nodes.keys()]).toEqual(['kit:mini-kit']);
		await expectAppError(() => app.kits.lineage(null, 'nec-brest-2027', lineageText), 'not_found');
	});

	it('shows what the fork changed from its upstream, file by file', () => {
		// Untouched, a fork differs only by its manifest (id, title, forkedFrom): JSON spacing and key order do not count.
		expect(app.kits.diff(orga, brestEdition.id).files.map((f) => f.path)).toEqual(['kit.json']);
		app.kits.saveTemplate(orga, brestEdition.id, { format: 'atelier-contributif', title: 'Atelier contributif', body: tinyKit()['templates/atelier-contributif.md']!.replace('Contexte du territoire', 'Contexte brestois') });
		app.kits.saveTemplate(orga, brestEdition.id, { format: 'masterclass', title: 'Masterclass', body: '## Objectifs\n\nCe que l’on saura faire.\n' });
		const { files } = app.kits.diff(orga, brestEdition.id);
		const byPath = new Map(files.map((f) => [f.path, f]));
		expect(byPath.get('templates/masterclass.md')).toMatchObject({ status: 'added', added: 3, removed: 0 });
		const template = byPath.get('templates/atelier-contributif.md')!;
		expect(template).toMatchObject({ status: 'changed', added: 1, removed: 1 });
		expect(template.module).toBe('templates');
		// One line edited: each side says which words changed.
		expect(template.hunks[0]!.lines.filter((l) => l.type !== 'context')).toEqual([
			{ type: 'remove', text: '## Contexte du territoire', words: [{ type: 'same', text: '## Contexte ' }, { type: 'remove', text: 'du territoire' }] },
			{ type: 'add', text: '## Contexte brestois', words: [{ type: 'same', text: '## Contexte ' }, { type: 'add', text: 'brestois' }] }
		]);
		// Grouped as the kit page shows it: the manifest first, then the templates.
		expect(app.kits.diff(orga, brestEdition.id).modules.map((m) => [m.module, m.files.map((f) => f.path)])).toEqual([
			['manifest', ['kit.json']],
			['templates', ['templates/atelier-contributif.md', 'templates/masterclass.md']]
		]);
		expect(byPath.has('guides/01-medialab.md')).toBe(false);
		expect(byPath.get('kit.json')!.status).toBe('changed');
		const plain = createEdition(app, orga);
		expect(() => app.kits.diff(orga, plain.id)).toThrow('error.kit.notForked');
	});

	it('starts new pads of a workshop from the edition’s template, and others from the built-in ones', () => {
		const workshopId = app.db.prepare("SELECT id FROM workshops WHERE edition_id = ? AND title = 'Identifier les ressources'").pluck().get(brestEdition.id) as string;
		expect(app.pads.templateChoices(orga, workshopId)).toEqual({ templates: ['blank', 'atelier-contributif', 'regards-croises', 'scene-ouverte', 'masterclass', 'notes'], defaultTemplate: 'atelier-contributif' });
		const pad = app.pads.create(orga, workshopId, { title: 'Notes', template: 'atelier-contributif' });
		app.padDocuments.applyTemplate(pad.id, 'atelier-contributif', orga.id);
		type Node = { type: string; text?: string; attrs?: { prompt?: string }; marks?: { type: string }[]; content?: Node[] };
		// A prompt is shown as the empty paragraph's placeholder: read it as the text a person sees there.
		const textOf = (n: Node): string => n.text ?? n.attrs?.prompt ?? (n.content ?? []).map(textOf).join(' / ');
		const content = app.padDocuments.currentContent(pad.id).content as Node[];
		expect(content.map((n) => [n.type, textOf(n)])).toEqual([
			['blockquote', 'Préparez ce pad avant l’atelier.'],
			['heading', 'Contexte du territoire'],
			['paragraph', 'La question posée, et pourquoi ici.'],
			['heading', 'Points de convergence'],
			['paragraph', 'Ce sur quoi le groupe s’accorde.'],
			['bulletList', 'un point / un autre']
		]);
		// The guiding text is a prompt (an attribute of an empty paragraph, no text), as in the built-in templates.
		expect(content[2]).toEqual({ type: 'paragraph', attrs: { prompt: 'La question posée, et pourquoi ici.' } });

		const plain = createEdition(app, orga);
		const other = createWorkshop(app, orga, plain.id);
		const builtIn = app.pads.create(orga, other, { title: 'Notes', template: 'atelier-contributif' });
		app.padDocuments.applyTemplate(builtIn.id, 'atelier-contributif', orga.id);
		const first = app.padDocuments.currentContent(builtIn.id).content![0] as { content: { text: string }[] };
		expect(first.content[0]!.text).toBe('Contexte');

		// A template for a format the built-in set lacks is offered, and is the default for that format.
		app.kits.saveTemplate(orga, brestEdition.id, { format: 'table-ronde', title: 'Table ronde', body: '## Qui parle\n\nLes voix.\n' });
		const roundTable = createWorkshop(app, orga, brestEdition.id, { format: 'table-ronde', startsAt: '2027-03-10T16:00', endsAt: '2027-03-10T17:00' });
		expect(app.pads.templateChoices(orga, roundTable).defaultTemplate).toBe('table-ronde');
	});

	it('republishes a new version with a changelog entry and the bytes on record', async () => {
		const missing = await expectAppError(() => app.kits.republish(orga, brestEdition.id, { bump: 'minor', changes: '  \n ' }), 'invalid');
		expect(missing.fields).toEqual({ changes: 'changelogRequired' });
		const release = await app.kits.republish(orga, brestEdition.id, { bump: 'minor', changes: '- Un atelier de plus\n- Charte relue' });
		expect(release.version).toBe('1.3.0');
		expect(release.filename).toBe('nec-brest-2027-1.3.0.zip');
		const kit = await unzip(release.bytes);
		expect(kit.manifest.version).toBe('1.3.0');
		// Its history starts with the upstream's.
		expect(kit.manifest.changelog).toEqual([
			{ version: '1.3.0', date: '2018-09-13', changes: ['Un atelier de plus', 'Charte relue'] },
			{ version: '1.2.0', date: '2026-11-01', changes: ['Première version du mini kit'] }
		]);
		expect(app.kits.overview(orga, brestEdition.id).publications).toMatchObject([{ version: '1.3.0', changes: ['Un atelier de plus', 'Charte relue'], bytes: release.bytes.length }]);
		// The download after publishing is that very version.
		expect((await exportKit(brestEdition)).equals(release.bytes)).toBe(true);
		expect((await app.kits.republish(orga, brestEdition.id, { bump: 'major', changes: 'Refonte' })).version).toBe('2.0.0');
	});

	it('exports an edition that never had a kit, with the built-in templates its workshops use', async () => {
		const plain = createEdition(app, orga, { title: 'Numérique en Commun[s] 2018' });
		app.structure.addTheme(orga, plain.id, { label: 'communs', aliases: 'commun' });
		createWorkshop(app, orga, plain.id, { format: 'regards-croises' });
		createWorkshop(app, orga, plain.id, { title: 'Podcast', format: 'podcast', startsAt: '2018-09-14T09:00', endsAt: '2018-09-14T09:45' });
		const kit = await unzip(await exportKit(plain));
		expect(kit.manifest).toMatchObject({ id: 'numerique-en-commun-s-2018', version: '1.0.0', forkedFrom: null });
		expect(kit.manifest.templates).toEqual([{ format: 'regards-croises', file: 'templates/regards-croises.md', title: 'Regards croisés' }]);
		expect(kit.programme.formats).toEqual([
			{ key: 'regards-croises', label: 'Regards croisés', description: '', durationMinutes: 90, template: 'regards-croises' },
			{ key: 'podcast', label: 'Podcast', description: '', durationMinutes: 45 }
		]);
		expect(kit.files.get('README.md')).toContain('# Numérique en Commun[s] 2018');
	});

	it('keeps adaptation notes, and lets only organisers touch the kit', async () => {
		app.kits.saveNotes(orga, brestEdition.id, { notes: 'Nous avons ajouté une scène ouverte bretonne.' });
		expect(app.kits.overview(orga, brestEdition.id).notes).toBe('Nous avons ajouté une scène ouverte bretonne.');
		const mallory = await createAccount(app, 'mallory');
		await expectAppError(() => app.kits.overview(mallory, brestEdition.id), 'not_found');
		await expectAppError(() => app.kits.exportZip(mallory, brestEdition.id), 'not_found');
		await expectAppError(() => app.kits.saveNotes(null, brestEdition.id, { notes: 'x' }), 'not_found');
		expect(count(app, 'edition_kits')).toBe(1);
	});
});

describe('the built-in NEC kit', () => {
	it('forks into a complete edition whose kit differs from it only by its manifest', async () => {
		const app = createApp({ db: openDatabase(':memory:'), clock: () => START, kitsDir: path.resolve('kits') });
		const orga = await createAccount(app, 'maelle');
		const kit = app.kits.getBuiltIn('nec-contributif');
		const edition = app.kits.fork(orga, kit, { title: 'NEC Brest 2027', city: 'Brest', startsOn: '2027-03-10', endsOn: '2027-03-11' });
		expect(count(app, 'workshops', 'edition_id = ?', edition.id)).toBe(kit.programme.workshops.length);
		expect(count(app, 'themes', 'edition_id = ?', edition.id)).toBe(kit.programme.themes.length);
		expect(count(app, 'edition_kit_documents', "edition_id = ? AND kind = 'template'", edition.id)).toBe(kit.manifest.templates.length);
		expect(app.kits.diff(orga, edition.id).files.map((f) => f.path)).toEqual(['kit.json']);
		const exported = validateKit(await readKitZip((await app.kits.exportZip(orga, edition.id)).bytes));
		expect(exported.manifest.guides.map((g) => g.kind).sort()).toEqual(kit.manifest.guides.map((g) => g.kind).sort());
	});
});
