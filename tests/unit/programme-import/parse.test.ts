import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../server/domain/programme/import/parse-source';
import { parseDuration, parseDateTime, onScheduleDay, scheduleDayOf } from '../../../server/domain/programme/import/time';
import { plainText, pickLanguage } from '../../../server/domain/programme/import/text';
import { expectAppError } from '../factories';
import { fixture } from './fixtures';
import { errorText } from '$lib/server/error-text';

const PARIS = 'Europe/Paris';

describe('lenient times', () => {
	it('reads durations as HH:MM, hours past 24, D:HH:MM, HH:MM:SS and ISO', () => {
		expect(parseDuration('00:30')).toBe(30);
		expect(parseDuration('1:30')).toBe(90);
		expect(parseDuration('26:00')).toBe(26 * 60);
		expect(parseDuration('1:06:00')).toBe(30 * 60);
		expect(parseDuration('01:30:00')).toBe(90);
		expect(parseDuration('PT1H15M')).toBe(75);
		expect(parseDuration('soon')).toBeNull();
		expect(parseDuration('10:75')).toBeNull();
	});

	it('converts offsets to the edition zone and keeps times without offset as local', () => {
		expect(parseDateTime('2026-10-08T07:30:00Z', PARIS)).toEqual({ local: '2026-10-08T09:30', hadOffset: true });
		expect(parseDateTime('2026-10-08T09:30:00+02:00', 'Europe/London')).toEqual({ local: '2026-10-08T08:30', hadOffset: true });
		expect(parseDateTime('2026-12-08 09:30:00-0500', PARIS)).toEqual({ local: '2026-12-08T15:30', hadOffset: true });
		expect(parseDateTime('2026-10-08T09:30', PARIS)).toEqual({ local: '2026-10-08T09:30', hadOffset: false });
		expect(parseDateTime('2026-10-08T25:30', PARIS)).toBeNull();
	});

	it('puts after-midnight sessions of a schedule day on the next date, and back on their day for grouping', () => {
		expect(onScheduleDay('2008-12-27', '25:15')).toBe('2008-12-28T01:15');
		expect(onScheduleDay('2008-12-27', '01:00')).toBe('2008-12-28T01:00');
		expect(onScheduleDay('2008-12-27', '11:30')).toBe('2008-12-27T11:30');
		expect(scheduleDayOf('2008-12-28T01:15')).toBe('2008-12-27');
		expect(scheduleDayOf('2008-12-28T09:00')).toBe('2008-12-28');
	});
});

describe('text from schedules', () => {
	it('strips HTML, decodes entities, drops control characters, picks French then English', () => {
		expect(plainText('<p>Bonjour&nbsp;&amp; bienvenue&#x2026;</p><p>Ligne\u0007 2</p>')).toBe('Bonjour\u00a0& bienvenue…\nLigne 2');
		expect(pickLanguage({ en: 'Opening', fr: 'Ouverture' })).toBe('Ouverture');
		expect(pickLanguage({ de: 'Eröffnung', en: 'Opening' })).toBe('Opening');
		expect(pickLanguage({ de: 'Eröffnung' })).toBe('Eröffnung');
	});
});

describe('frab / pretalx schedule.xml', () => {
	const programme = parseSource(fixture('pretalx-dialect.xml'), PARIS);

	it('reads sessions with GUID identities, converted times, rooms, tracks, types and speaker names only', () => {
		expect(programme.kind).toBe('frab-xml');
		expect(programme.version).toBe('0.7');
		expect(programme.title).toBe('Numérique en Commun[s] 2026');
		const [opening] = programme.sessions;
		expect(opening).toMatchObject({
			key: 'guid:9e2b8a61-5d1c-5b3e-9a3f-3f1d2c4b5a01',
			ref: '101',
			title: 'Ouverture : le numérique d’intérêt général & ses communs'.replace('’', "'"),
			type: 'Keynote',
			startsAt: '2026-10-08T09:30',
			endsAt: '2026-10-08T10:30',
			room: 'Grand amphi',
			track: 'Communs',
			speakers: ['Camille Martin', 'Sacha Durand']
		});
		// Entities are decoded once: the DOCTYPE's entity is never expanded.
		expect(opening!.description).toBe("Mot d'accueil & présentation\n\nUne plénière… &boom;");
		expect(JSON.stringify(programme)).not.toContain('@example.org');
	});

	it('keeps the first of two sessions with the same GUID (whatever its case) and reports the other', () => {
		expect(programme.sessions.map((s) => s.ref)).toEqual(['101', '102', '103', '104']);
		expect(programme.report).toContainEqual({ item: '102 « Cartographier les lieux de médiation (bis, même GUID) »', reason: 'duplicateId', detail: '9e2b8a61-5d1c-5b3e-9a3f-3f1d2c4b5a02' });
	});

	it('reads a session past midnight and a multi-day session', () => {
		const night = programme.sessions.find((s) => s.ref === '103')!;
		expect([night.startsAt, night.endsAt]).toEqual(['2026-10-08T23:30', '2026-10-09T01:00']);
		const sprint = programme.sessions.find((s) => s.ref === '104')!;
		expect([sprint.startsAt, sprint.endsAt]).toEqual(['2026-10-09T10:00', '2026-10-10T16:00']);
	});

	it('derives identities from event ids in the pentabarf dialect, with times past 24:00 on the next date', () => {
		const old = parseSource(fixture('pentabarf-dialect.xml'), PARIS);
		expect(old.sessions.map((s) => [s.key, s.title, s.startsAt, s.endsAt])).toEqual([
			['id:2997', 'Opening & Welcome', '2008-12-27T11:30', '2008-12-27T12:30'],
			['id:3008', 'Late night hacking', '2008-12-28T01:15', '2008-12-28T02:00'],
			['id:3015', 'After-midnight lightning talks', '2008-12-28T01:00', '2008-12-28T02:00']
		]);
	});

	it('refuses XML that is not well-formed, naming the line', async () => {
		const e = await expectAppError(() => parseSource('<schedule>\n<day>\n</schedule>', PARIS), 'invalid');
		expect(errorText(e, 'en')).toMatch(/^Line 3, column \d+: the XML is not well-formed/);
	});
});

describe('schedule.json', () => {
	it('reads the pretalx demo conference published with the c3voc schema', () => {
		const programme = parseSource(fixture('pretalx-democon.json'), PARIS);
		expect(programme.kind).toBe('schedule-json');
		expect(programme.sessions.length).toBeGreaterThan(30);
		expect(programme.sessions[0]).toMatchObject({ key: 'guid:8079583e-8321-506c-95af-fd2903a5f075', ref: '25', title: 'Focused 5thgeneration hardware', startsAt: '2020-12-14T09:00', endsAt: '2020-12-14T09:30', room: 'Gray Room', speakers: ['Brian Robinson'] });
		expect(new Set(programme.sessions.map((s) => s.type))).toEqual(new Set(['Talk', 'Workshop']));
	});

	it('imports a file that fails its own schema (string ids, rooms at the top)', () => {
		const programme = parseSource(fixture('winterchaos-invalid.json'), PARIS);
		expect(programme.sessions).toHaveLength(1);
		expect(programme.sessions[0]).toMatchObject({ ref: '2814', startsAt: '2022-12-28T14:00', endsAt: '2022-12-28T14:45', speakers: ['Mänu'] });
	});

	it('truncates over-long multilingual titles and reports it', () => {
		const long = 'Un titre très long '.repeat(20);
		const json = { schedule: { version: '1', conference: { title: 'x', days: [{ date: '2026-10-08', rooms: { A: [{ id: 1, guid: 'not-a-guid', title: { en: 'x', fr: long }, date: '2026-10-08T10:00', duration: '00:30' }] } }] } } };
		const programme = parseSource(JSON.stringify(json), PARIS);
		expect(programme.sessions[0]!.title.length).toBeLessThanOrEqual(160);
		expect(programme.sessions[0]!.key).toBe('id:1');
		expect(programme.report.map((r) => r.reason)).toEqual(['missingOffset', 'titleTruncated']);
	});
});

describe('iCalendar', () => {
	it('reads events with UTC, embedded and IANA zones, skips cancelled ones and reads no attendee', () => {
		const programme = parseSource(fixture('agenda.ics'), PARIS);
		expect(programme.kind).toBe('ical');
		expect(programme.sessions.map((s) => [s.ref, s.title, s.startsAt, s.endsAt, s.room, s.type])).toEqual([
			['a1@example.org', 'Atelier données ouvertes', '2026-10-08T10:00', '2026-10-08T11:30', 'Salle 2', 'Atelier'],
			['a2@example.org', 'Table ronde, inclusion', '2026-10-08T14:00', '2026-10-08T15:00', 'Grand amphi', 'Table ronde'],
			['a3@example.org', 'Forum ouvert', '2026-10-09T09:00', '2026-10-09T10:00', '', '']
		]);
		expect(programme.report).toContainEqual({ item: 'a4@example.org « Séance annulée »', reason: 'cancelledInSource' });
		expect(JSON.stringify(programme)).not.toContain('mailto');
	});

	it('gives an all-day event without an end its one day', () => {
		const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:d@x\r\nDTSTAMP:20260901T000000Z\r\nDTSTART;VALUE=DATE:20261009\r\nSUMMARY:Journée\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
		expect(parseSource(ics, PARIS).sessions.map((s) => [s.startsAt, s.endsAt])).toEqual([['2026-10-09T00:00', '2026-10-10T00:00']]);
	});
});

describe('pretalx API and Indico', () => {
	it('reads pretalx API talks with multilingual fields', () => {
		const programme = parseSource(fixture('pretalx-api-talks.json'), PARIS);
		expect(programme.kind).toBe('pretalx-api');
		expect(programme.sessions.map((s) => [s.ref, s.title, s.type, s.startsAt, s.endsAt, s.room, s.speakers])).toEqual([
			['QXK9LM', 'Les communs numériques', 'Conférence', '2026-10-08T10:00', '2026-10-08T10:45', 'Grand amphi', ['Camille Martin']]
		]);
		expect(programme.report).toContainEqual({ item: 'ZZZ111 « Pas encore programmé »', reason: 'notASession' });
	});

	it('reads an Indico timetable: contributions inside sessions, breaks reported, zones converted', () => {
		const programme = parseSource(fixture('indico-timetable.json'), PARIS);
		expect(programme.kind).toBe('indico');
		expect(programme.sessions.map((s) => [s.ref, s.title, s.startsAt, s.endsAt, s.room, s.track, s.speakers])).toEqual([
			['c1', 'Plénière d’ouverture', '2026-10-08T09:00', '2026-10-08T10:00', 'Amphi A', '', ['Alex Dupont']],
			['c2', 'Données et territoires', '2026-10-08T10:30', '2026-10-08T11:00', 'Salle B', 'Session données', ['Lou Bernard']]
		]);
		expect(programme.report.map((r) => r.reason)).toEqual(['notASession']);
	});
});
