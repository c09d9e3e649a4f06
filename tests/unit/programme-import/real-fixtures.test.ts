// Real exports published by their tools (sources and licences: tests/fixtures/schedule/README.md), read and imported as they are.
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { parseSource } from '../../../server/domain/programme/import/parse-source';
import { renderSchedule } from '../../../server/exports/schedule/schedule-export';
import { createAccount, createEdition, createTestApp } from '../factories';
import { fixture, fixtureJson } from './fixtures';

const require = createRequire(import.meta.url);
function c3vocValidator() {
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
	addFormats(ajv);
	ajv.addFormat('color', true);
	return ajv.compile(fixtureJson('c3voc-schedule.schema.json'));
}
const reasons = (report: { reason: string }[]) => report.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.reason]: (acc[r.reason] ?? 0) + 1 }), {});
const distinct = <T>(items: T[]) => new Set(items).size;

async function xsdErrors(xml: string) {
	const result = await validateXML({ xml: { fileName: 'schedule.xml', contents: xml }, schema: { fileName: 'schedule.xml.xsd', contents: fixture('schedule.xml.xsd') }, maxMemoryPages: 4096 });
	return result.errors.map((e) => e.message);
}

describe('real schedule exports', () => {
	it('38C3 (schedule.xml of the congress hub, merging the pretalx instances of its stages): 1,007 sessions in 72 rooms, night sessions on the right date', () => {
		const p = parseSource(fixture('38c3-hub-schedule.xml'), 'Europe/Berlin');
		expect([p.kind, p.version, p.title]).toEqual(['frab-xml', '2025-03-04 21:21', '38C3']);
		expect(p.sessions).toHaveLength(1007);
		expect(reasons(p.report)).toEqual({ descriptionTruncated: 3, titleTruncated: 1 });
		expect(distinct(p.sessions.map((s) => s.room))).toBe(72);
		expect(distinct(p.sessions.map((s) => s.track))).toBe(8);
		expect(p.sessions[0]).toMatchObject({ key: 'guid:270fa44c-821a-577f-8ca3-33e8d4a8c2a7', title: '38C3: Opening Ceremony', type: 'Ceremony', startsAt: '2024-12-27T10:30', endsAt: '2024-12-27T11:00', room: 'Saal 1', track: 'CCC' });
		// Listed under day 1 (27 December), written with its full date: 00:15 on the 28th.
		expect(p.sessions.find((s) => s.title.startsWith('Desiring Technology'))).toMatchObject({ startsAt: '2024-12-28T00:15', endsAt: '2024-12-28T00:55', room: 'Saal 1' });
		// The same file read for an edition in another zone: every time moves by the offset (UTC+1 → UTC).
		expect(parseSource(fixture('38c3-hub-schedule.xml'), 'UTC').sessions[0]).toMatchObject({ startsAt: '2024-12-27T09:30', endsAt: '2024-12-27T10:00' });
		expect(p.sessions.filter((s) => s.endsAt.slice(0, 10) !== s.startsAt.slice(0, 10)).length).toBeGreaterThan(0);
	}, 30_000);

	it('38C3 fails its own XSD (slugs such as « 38c3-ada ») and is still imported; re-imported, nothing changes; our exports of it pass the XSD and the JSON schema', async () => {
		const errors = await xsdErrors(fixture('38c3-hub-schedule.xml'));
		expect(errors.length).toBeGreaterThan(0);
		expect(errors[0]).toContain("'38c3-ada'");

		const t = createTestApp();
		const orga = await createAccount(t.app, 'olivia');
		const edition = createEdition(t.app, orga, { title: '38C3', startsOn: '2024-12-27', endsOn: '2024-12-30', timeZone: 'Europe/Berlin' });
		const importer = t.app.programmeImport;
		expect(importer.apply(orga, edition.id, importer.prepare(orga, edition.id, fixture('38c3-hub-schedule.xml')))).toMatchObject({ added: 1007, rooms: 72, tracks: 7 });
		const again = importer.preview(orga, edition.id, importer.prepare(orga, edition.id, fixture('38c3-hub-schedule.xml')));
		expect(again.plan.counts).toEqual({ added: 0, updated: 0, unchanged: 1007, cancelled: 0 });

		const programme = t.app.workshops.programme(orga, edition.id);
		const xml = renderSchedule(programme, 'xml', { baseUrl: 'https://medialab.example.org/editions/x', now: t.now() }).body;
		expect(await xsdErrors(xml)).toEqual([]);
		const validate = c3vocValidator();
		const json = JSON.parse(renderSchedule(programme, 'json', { baseUrl: 'https://medialab.example.org/editions/x', now: t.now() }).body);
		expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
	}, 60_000);

	it('FOSDEM 2018 (Pentabarf, no GUIDs, no <date>): sessions keyed by id, at Brussels time', () => {
		const p = parseSource(fixture('fosdem-2018-pentabarf-excerpt.xml'), 'Europe/Brussels');
		expect(p.report).toEqual([]);
		expect(p.sessions.map((s) => [s.key, s.title, s.startsAt, s.endsAt, s.room, s.track, s.type, s.speakers.join(', ')])).toEqual([
			['id:6245', 'Consensus as a Service', '2018-02-03T10:00', '2018-02-03T10:50', 'Janson', 'Keynotes', 'keynote', 'Simon Phipps, Italo Vignoli'],
			['id:6230', 'Unix Architecture Evolution from the 1970 PDP-7 to the 2017 FreeBSD', '2018-02-03T12:00', '2018-02-03T12:50', 'Janson', 'History', 'maintrack', 'Diomidis Spinellis']
		]);
		// The HTML of the description arrives as text.
		expect(p.sessions[0]!.description).not.toContain('<p>');
	});

	it('rC3 2020 (pretalx schedule.json): 48 sessions in 5 channels, with pretalx’s free-text types', () => {
		const p = parseSource(fixture('pretalx-rc3.json'), 'Europe/Berlin');
		expect([p.kind, p.version, p.title]).toEqual(['schedule-json', '1.3', 'rC3 Channels']);
		expect(p.sessions).toHaveLength(48);
		expect(reasons(p.report)).toEqual({ descriptionTruncated: 1 });
		expect(distinct(p.sessions.map((s) => s.room))).toBe(5);
		expect(p.sessions[0]).toMatchObject({ title: 'Der faule Admin automatisiert: Gluon auf echter Hardware testen', type: 'Talk 30 min + 10min Q&A', startsAt: '2020-12-27T11:30', endsAt: '2020-12-27T12:10', room: 'r3s - Monheim/Rhein', speakers: ['Chris Fiege', 'Kasa'] });
	});

	it('Camp 2019 (frab schedule.json): 79 sessions in two halls', () => {
		const p = parseSource(fixture('frab-camp2019.json'), 'Europe/Berlin');
		expect([p.kind, p.version, p.title]).toEqual(['schedule-json', 'Gacrux', 'Chaos Communication Camp 2019']);
		expect(p.sessions).toHaveLength(79);
		expect(p.report).toEqual([]);
		expect([...new Set(p.sessions.map((s) => s.room))].sort()).toEqual(['Curie', 'Meitner']);
		expect(p.sessions[0]).toMatchObject({ key: 'guid:a0a0fcfe-b7fb-46e3-84b6-97a5406016b4', title: 'Opening Ceremony', startsAt: '2019-08-21T11:00', endsAt: '2019-08-21T11:30', room: 'Curie', track: 'CCC', speakers: ['jinxx', 'smtw'] });
	});

	it('both real JSON exports fail today’s c3voc schema (acronym, slugs, newer fields) and are imported all the same', () => {
		const validate = c3vocValidator();
		for (const name of ['frab-camp2019.json', 'pretalx-rc3.json']) {
			expect(validate(fixtureJson(name))).toBe(false);
			expect(validate.errors![0]!.instancePath).toBe('/schedule/conference/acronym');
			expect(parseSource(fixture(name), 'Europe/Berlin').sessions.length).toBeGreaterThan(40);
		}
	});

	it('X.Org Developer Conference 2021 (Indico event export with contributions): 37 talks, UTC turned into Warsaw time, authors’ names only', () => {
		const p = parseSource(fixture('indico-xdc2021-event.json'), 'Europe/Warsaw');
		expect([p.kind, p.title]).toEqual(['indico', 'X.Org Developer Conference 2021']);
		expect(p.sessions).toHaveLength(37);
		expect(p.report).toEqual([]);
		expect([...new Set(p.sessions.map((s) => s.track))].sort()).toEqual(['Demos / Lightning talks I', 'Main Track', 'Workshop']);
		expect(p.sessions[0]).toMatchObject({ key: 'id:12', title: 'Making bare-metal testing accessible to every developer', startsAt: '2021-09-17T16:10', endsAt: '2021-09-17T16:30', speakers: ['Martin Peres'], type: 'Talk (half slot) (CLOSED)' });
		expect(distinct(p.sessions.map((s) => s.startsAt.slice(0, 10)))).toBe(3);
		// Affiliations and e-mail hashes are in the file; none reaches the programme.
		const kept = JSON.stringify(p.sessions);
		expect(fixture('indico-xdc2021-event.json')).toContain('X.Org \\/ Valve contractor');
		expect(kept).not.toContain('Valve contractor');
		expect(kept).not.toContain('09d3faed9c57c7d45ace5d9c33cab282');
	});

	it('PyCon UK 2015 (.ics of its website): 158 sessions at London time; untitled slots skipped, end-less ones given an hour, both reported', () => {
		const p = parseSource(fixture('pyconuk-2015.ics'), 'Europe/London');
		expect(p.kind).toBe('ical');
		expect(p.sessions).toHaveLength(158);
		expect(reasons(p.report)).toEqual({ missingTitle: 4, missingEnd: 5, titleTruncated: 1 });
		expect(distinct(p.sessions.map((s) => s.room))).toBe(11);
		expect(p.sessions[0]).toMatchObject({ title: 'Registration / Breakfast', startsAt: '2015-09-18T08:00', endsAt: '2015-09-18T09:30', room: 'Cafeteria' });
		// A UID folded across two lines is read whole.
		expect(p.sessions[0]!.key).toBe('id:20150919T102825Z-31048@testing-worker-linux-docker-88763661-3190-linux-7');
		expect(p.sessions.find((s) => s.title.startsWith('The Friday Night Charity Social'))).toMatchObject({ startsAt: '2015-09-18T19:30', endsAt: '2015-09-18T20:30' });
		expect(p.sessions.find((s) => s.title.startsWith('Keynote: Van Lindberg'))?.title).toBe('Keynote: Van Lindberg, PSF Chair');
		expect([...new Set(p.sessions.map((s) => s.startsAt.slice(0, 10)))]).toEqual(['2015-09-18', '2015-09-19', '2015-09-20', '2015-09-21']);
	});
});
