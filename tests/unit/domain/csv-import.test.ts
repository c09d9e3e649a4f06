import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createTestApp, expectAppError, type TestApp } from '../factories';
import { errorText } from '$lib/server/error-text';

const header = 'title,format,day,start,end,room,track,themes,speakers,description';
const good = [
	header,
	'Identifier les ressources,atelier-contributif,2018-09-13,11:00,12:30,Studio,Communs numériques,#communs,Inno3,Repérer les communs',
	'"Produire des communs, ensemble",atelier-contributif,2018-09-13,14:00,15:30,Studio,Communs numériques,#communs|data,Inno3,',
	'Ouvrir les données de sa collectivité,table-ronde,2018-09-14,11:30,13:00,Fablab,,#données|#Open data,"OpenDataFrance, Etalab",'
].join('\n');

describe('CSV import', () => {
	let t: TestApp;
	let orga: Viewer;
	let edition: EditionRow;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		edition = createEdition(t.app, orga);
	});

	const snapshot = () => ({
		workshops: count(t.app, 'workshops'),
		rooms: count(t.app, 'rooms'),
		tracks: count(t.app, 'tracks'),
		themes: count(t.app, 'themes'),
		outbox: count(t.app, 'outbox')
	});
	const importCsv = (text: string, viewer: Viewer | null = orga) => t.app.csvImport.importProgramme(viewer, edition.id, text);

	it('imports workshops and creates their rooms, tracks and themes, reusing themes by alias', () => {
		const data = t.app.structure.addTheme(orga, edition.id, { label: '#données', aliases: ['#data'] });
		expect(importCsv(good)).toEqual({ workshops: 3, rooms: 2, tracks: 1, themes: 2 });

		const programme = t.app.workshops.programme(orga, edition.id);
		expect(programme.workshops.map((w) => [w.title, w.format, w.startsAt, w.endsAt, w.room?.name ?? null, w.track?.title ?? null])).toEqual([
			['Identifier les ressources', 'atelier-contributif', '2018-09-13T11:00', '2018-09-13T12:30', 'Studio', 'Communs numériques'],
			['Produire des communs, ensemble', 'atelier-contributif', '2018-09-13T14:00', '2018-09-13T15:30', 'Studio', 'Communs numériques'],
			['Ouvrir les données de sa collectivité', 'table-ronde', '2018-09-14T11:30', '2018-09-14T13:00', 'Fablab', null]
		]);
		expect(programme.themes.map((th) => th.label)).toEqual(['#données', '#communs', '#Open data']);
		// « data » and « #données » are the existing theme, not new ones.
		expect(titlesTagged(data)).toEqual(['Produire des communs, ensemble', 'Ouvrir les données de sa collectivité']);
		expect(programme.workshops[2]!.speakers).toBe('OpenDataFrance, Etalab');
		expect(programme.tracks[0]!.workshops.map((w) => w.title)).toEqual(['Identifier les ressources', 'Produire des communs, ensemble']);
		// One outbox row per workshop and one for the edition.
		expect(t.app.db.prepare("SELECT count(*) FROM outbox WHERE topic = 'workshop.changed'").pluck().get()).toBe(3);

		function titlesTagged(themeId: string) {
			return t.app.workshops.programme(orga, edition.id, { theme: themeId }).workshops.map((w) => w.title);
		}
	});

	it('reuses existing rooms and tracks by name, whatever their case', () => {
		t.app.structure.addRoom(orga, edition.id, { name: 'Studio', venue: 'La Fabrique' });
		t.app.structure.addTrack(orga, edition.id, { title: 'Communs numériques' });
		const result = importCsv([header, 'Identifier les ressources,sprint,2018-09-13,11:00,12:30,studio,COMMUNS NUMÉRIQUES,,,'].join('\n'));
		expect(result).toEqual({ workshops: 1, rooms: 0, tracks: 0, themes: 0 });
		expect(count(t.app, 'rooms')).toBe(1);
	});

	it('writes nothing when a row is bad, naming every bad line', async () => {
		t.app.structure.addRoom(orga, edition.id, { name: 'Salle Maxi' });
		const before = snapshot();
		const text = [
			header,
			'Bonne ligne,atelier-contributif,2018-09-13,11:00,12:30,Studio,Parcours,#neuf,,',
			'Mauvais format,keynote,2018-09-13,11:00,12:30,Studio,,,,',
			'Fin avant début,atelier-contributif,2018-09-13,14:00,13:00,Studio,,,,',
			'Autre bonne ligne,forum,2018-09-13,16:00,17:00,Fablab,,,,'
		].join('\n');
		const error = await expectAppError(() => importCsv(text), 'invalid');
		expect(errorText(error, 'en')).toContain('Nothing was imported');
		expect(errorText(error, 'en')).toContain('line 3, format');
		expect(errorText(error, 'en')).toContain('« keynote »');
		expect(errorText(error, 'en')).toContain('line 4, end: is not after start');
		expect(errorText(error, 'en')).not.toMatch(/line [25]\b/);
		expect(snapshot()).toEqual(before);
	});

	it('reports bad dates and times', async () => {
		const error = await expectAppError(() => importCsv([header, ',forum,13/09/2018,9h,25:00,,,,,'].join('\n')), 'invalid');
		expect(errorText(error, 'en')).toContain('line 2, title: is empty');
		expect(errorText(error, 'en')).toContain('line 2, day');
		expect(errorText(error, 'en')).toContain('line 2, start');
		expect(errorText(error, 'en')).toContain('line 2, end');
	});

	it('counts lines of the file, including quoted line breaks', async () => {
		const text = [header, 'Atelier,forum,2018-09-13,10:00,11:00,,,,,"Sur', 'deux lignes"', 'Atelier,forum,2018-09-13,10:00,09:00,,,,,'].join('\n');
		const error = await expectAppError(() => importCsv(text), 'invalid');
		expect(errorText(error, 'en')).toContain('line 4, end');
	});

	it('names a missing required column', async () => {
		const error = await expectAppError(() => importCsv(['title,format,day,start', 'Atelier,forum,2018-09-13,10:00'].join('\n')), 'invalid');
		expect(errorText(error, 'en')).toMatch(/missing columns: end\b/);
		expect(count(t.app, 'workshops')).toBe(0);
	});

	it('refuses an unknown column', async () => {
		const error = await expectAppError(() => importCsv(['title,format,day,start,end,salle', 'Atelier,forum,2018-09-13,10:00,11:00,Studio'].join('\n')), 'invalid');
		expect(errorText(error, 'en')).toContain('unknown columns: salle');
	});

	it('refuses a file with only a header', async () => {
		await expectAppError(() => importCsv(header + '\n'), 'invalid');
	});

	it('refuses rows with a wrong number of cells', async () => {
		const error = await expectAppError(() => importCsv([header, 'Atelier,forum,2018-09-13,10:00'].join('\n')), 'invalid');
		expect(errorText(error, 'en')).toContain('not valid CSV');
	});

	it('accepts semicolons, French format labels, headers in any case, a BOM and Windows line ends', () => {
		const text = '\uFEFF' + ['Title;Format;Day;Start;End;Room', 'Identifier les ressources;Atelier contributif;2018-09-13;11:00;12:30;Studio', 'Regards croisés;Regards_croisés;2018-09-13;14:00;15:00;Studio'].join('\r\n');
		expect(importCsv(text)).toEqual({ workshops: 2, rooms: 1, tracks: 0, themes: 0 });
		expect(t.app.workshops.programme(orga, edition.id).workshops.map((w) => w.format)).toEqual(['atelier-contributif', 'regards-croises']);
	});

	// Documents a bug: with both ',' and ';' as delimiters, an unquoted comma in a semicolon file (as spreadsheet
	// software exports French text) splits the cell, so the whole file is refused.
	it('keeps commas inside cells of a semicolon-separated file', () => {
		const text = ['title;format;day;start;end;speakers', 'Lieux, données, communs;conference;2018-09-13;11:00;12:00;Inno3, La MedNum'].join('\n');
		expect(importCsv(text)).toEqual({ workshops: 1, rooms: 0, tracks: 0, themes: 0 });
		expect(t.app.workshops.programme(orga, edition.id).workshops[0]).toMatchObject({ title: 'Lieux, données, communs', speakers: 'Inno3, La MedNum' });
	});

	it('is for organisers only', async () => {
		const facilitator = await createAccount(t.app, 'fanny');
		t.app.members.acceptInvite(facilitator, t.app.members.createInvite(orga, edition.id, { role: 'facilitator' }).token);
		await expectAppError(() => importCsv(good, facilitator), 'forbidden');
		await expectAppError(() => importCsv(good, null), 'not_found');
		expect(count(t.app, 'workshops')).toBe(0);
	});

	it('refuses a file too large', async () => {
		await expectAppError(() => importCsv(header + '\n' + 'x'.repeat(1_000_001)), 'too_large');
	});
});
