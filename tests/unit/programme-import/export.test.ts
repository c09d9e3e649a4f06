import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import { parseSource } from '../../../server/domain/programme/import/parse-source';
import type { Viewer } from '../../../server/domain/types';
import { renderSchedule } from '../../../server/exports/schedule/schedule-export';
import { createAccount, createEdition, createTestApp, type TestApp } from '../factories';
import { fixture, fixtureJson } from './fixtures';

const require = createRequire(import.meta.url);

/** The c3voc schema (draft-06) as published in voc/schedule, vendored in tests/fixtures/schedule. */
function c3vocValidator() {
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
	addFormats(ajv);
	ajv.addFormat('color', true);
	return ajv.compile(fixtureJson('c3voc-schedule.schema.json'));
}

/** Validates against the frab/c3voc schedule.xml XSD (voc/schedule, vendored) with libxml2 compiled to WebAssembly. */
async function xsdErrors(xml: string) {
	const result = await validateXML({ xml: { fileName: 'schedule.xml', contents: xml }, schema: { fileName: 'schedule.xml.xsd', contents: fixture('schedule.xml.xsd') } });
	return result.errors.map((e) => e.rawMessage);
}

describe('programme exports', () => {
	let t: TestApp;
	let orga: Viewer;
	let edition: EditionRow;
	const base = 'https://medialab.example.org/editions/e1';
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		edition = createEdition(t.app, orga, { startsOn: '2026-10-08', endsOn: '2026-10-09' });
		const importer = t.app.programmeImport;
		importer.apply(orga, edition.id, importer.prepare(orga, edition.id, fixture('pretalx-dialect.xml')));
	});
	const programme = () => t.app.workshops.programme(orga, edition.id);
	const render = (format: 'json' | 'xml' | 'ics', filter = {}) => renderSchedule(programme(), format, { baseUrl: base, filter, now: t.now() }).body;

	it('the schema check catches a broken schedule (it can fail)', () => {
		const validate = c3vocValidator();
		expect(validate(fixtureJson('winterchaos-invalid.json'))).toBe(false);
		expect(validate(fixtureJson('pretalx-democon.json'))).toBe(true);
	});

	it('writes a schedule.json valid against the c3voc schema, with the after-midnight session on its evening', () => {
		const json = JSON.parse(render('json'));
		const validate = c3vocValidator();
		expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);
		const days = json.schedule.conference.days as { date: string; rooms: Record<string, { title: string; date: string; duration: string }[]> }[];
		expect(days.map((d) => d.date)).toEqual(['2026-10-08', '2026-10-09']);
		const night = Object.values(days[0]!.rooms).flat().find((e) => e.title === 'Nuit du code ouvert')!;
		expect([night.date, night.duration]).toEqual(['2026-10-08T23:30:00+02:00', '01:30']);
		const sprint = Object.values(days[1]!.rooms).flat().find((e) => e.title.startsWith('Sprint'))!;
		expect(sprint.duration).toBe('30:00');
	});

	it('the XSD check catches a broken schedule.xml (it can fail)', async () => {
		// The hand-written pentabarf fixture predates <version> and the GUIDs: the schema refuses it.
		expect((await xsdErrors(fixture('pentabarf-dialect.xml'))).join('\n')).toMatch(/conference.*not expected/);
		const ours = render('xml');
		expect(await xsdErrors(ours.replace(/<event guid="[^"]+"/, '<event guid="not-a-uuid"'))).not.toEqual([]);
	});

	it('writes a schedule.xml valid against the frab/c3voc XSD, for the whole edition, one room and one track', async () => {
		const p = programme();
		expect(await xsdErrors(render('xml'))).toEqual([]);
		expect(await xsdErrors(render('xml', { room: p.rooms.find((r) => r.name === 'Salle 2')!.id }))).toEqual([]);
		expect(await xsdErrors(render('xml', { track: p.tracks[0]!.id }))).toEqual([]);
	});

	it('writes a valid schedule.xml for an edition whose title makes a short acronym, with unsafe characters and empty fields', async () => {
		const other = createEdition(t.app, orga, { title: 'Ré', startsOn: '2026-11-02', endsOn: '2026-11-02' });
		t.app.workshops.create(orga, other.id, { title: 'A & <b> « c »', format: 'forum', startsAt: '2026-11-02T23:30', endsAt: '2026-11-03T00:15' });
		const xml = renderSchedule(t.app.workshops.programme(orga, other.id), 'xml', { baseUrl: base, now: t.now() }).body;
		expect(await xsdErrors(xml)).toEqual([]);
	});

	it('writes a schedule.json and a schedule.xml that read back as the same programme', () => {
		const expected = programme().workshops.map((w) => [w.title, w.startsAt, w.endsAt, w.room?.name]);
		for (const format of ['json', 'xml'] as const) {
			const back = parseSource(render(format), edition.timezone);
			expect(back.report).toEqual([]);
			expect(back.sessions.map((s) => [s.title, s.startsAt, s.endsAt, s.room])).toEqual(expected);
		}
	});

	it('writes an iCalendar feed with workshop-based UIDs that stay the same across exports, cancelled sessions marked', () => {
		const first = render('ics');
		const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const events = parse(first);
		const workshops = programme().workshops;
		expect(events.map((e) => e.uid)).toEqual(workshops.map((w) => `workshop-${w.id}@medialab`));
		const opening = events.find((e) => e.summary.startsWith('Ouverture'))!;
		expect(opening.startDate.toJSDate().toISOString()).toBe('2026-10-08T07:30:00.000Z');
		expect(opening.location).toBe('Grand amphi');

		// The night session leaves the source: the next feed still lists it, as cancelled, under the same UID.
		const importer = t.app.programmeImport;
		const without = fixture('pretalx-dialect.xml').replace(/<event guid='9e2b8a61-5d1c-5b3e-9a3f-3f1d2c4b5a03'[\s\S]*?<\/event>/, '');
		importer.apply(orga, edition.id, importer.prepare(orga, edition.id, without));
		const again = parse(render('ics'));
		expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
		const night = again.find((e) => e.summary === 'Nuit du code ouvert')!;
		expect(night.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(JSON.parse(render('json')).schedule.conference.days[0].rooms['Salle 2'].map((e: { title: string }) => e.title)).toEqual(['Cartographier les lieux de médiation']);
	});

	it('exports one room or one track', () => {
		const p = programme();
		const salle2 = p.rooms.find((r) => r.name === 'Salle 2')!;
		const communs = p.tracks.find((tr) => tr.title === 'Communs')!;
		const titles = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
		expect(titles(render('ics', { room: salle2.id }))).toEqual(['Cartographier les lieux de médiation', 'Nuit du code ouvert', 'Sprint de documentation sur deux jours']);
		expect(titles(render('ics', { track: communs.id }))).toEqual([p.workshops[0]!.title]);
	});

	it('folds long lines at 75 octets without splitting a character, and escapes text', () => {
		t.app.workshops.create(orga, edition.id, { title: `Éléments ; virgules, et « guillemets » ${'é'.repeat(80)}`, format: 'forum', startsAt: '2026-10-09T15:00', endsAt: '2026-10-09T16:00' });
		const ics = render('ics');
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		const summaries = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
		expect(summaries).toContain(`Éléments ; virgules, et « guillemets » ${'é'.repeat(80)}`);
	});
});
