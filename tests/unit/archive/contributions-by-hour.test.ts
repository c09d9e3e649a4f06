import { describe, expect, it } from 'vitest';
import { contributionsByHour } from '../../../server/domain/archive/contributions-by-hour';
import { seedDemo } from '../../../server/demo/seed';
import { createTestApp } from '../factories';

const workshops = [
	{ startsAt: '2018-09-13T09:30', endsAt: '2018-09-13T11:00' },
	{ startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:30' },
	{ startsAt: '2018-09-14T10:00', endsAt: '2018-09-14T12:00' }
];

describe('contributions over the event’s hours', () => {
	it('counts instants in their local hour, over every hour of each event day', () => {
		const times = ['2018-09-13T07:45:00Z', '2018-09-13T07:59:00Z', '2018-09-13T12:10:00Z', '2018-09-14T09:05:00Z'].map(Date.parse);
		const hours = contributionsByHour(times, 'Europe/Paris', workshops);
		expect(hours.map((h) => h.hour)).toEqual([
			'2018-09-13T09', '2018-09-13T10', '2018-09-13T11', '2018-09-13T12', '2018-09-13T13', '2018-09-13T14', '2018-09-13T15',
			'2018-09-14T10', '2018-09-14T11'
		]);
		expect(Object.fromEntries(hours.filter((h) => h.contributions > 0).map((h) => [h.hour, h.contributions]))).toEqual({ '2018-09-13T09': 2, '2018-09-13T14': 1, '2018-09-14T11': 1 });
	});

	it('leaves out what happened outside the event (a late fix, the day the demo was seeded)', () => {
		const hours = contributionsByHour([Date.parse('2026-01-01T10:00:00Z'), Date.parse('2018-09-13T20:00:00Z')], 'Europe/Paris', workshops);
		expect(hours.every((h) => h.contributions === 0)).toBe(true);
	});

	it('draws the demo edition’s publications in the hours they happened', async () => {
		const t = createTestApp();
		const editionId = (await seedDemo(t.app))!;
		const hours = t.app.archive.contributionHours(editionId);
		expect(hours.length).toBeGreaterThan(5);
		expect(hours.reduce((sum, h) => sum + h.contributions, 0)).toBeGreaterThan(0);
	});
});
