import { describe, expect, it } from 'vitest';
import { dayInZone, formatInstant, knownZone, zoneDiffers, zoneName } from '../../../src/lib/i18n/format';

// 2018-09-13 12:05 UTC: 14:05 in Paris (summer time), 16:05 in La Réunion.
const noonUtc = Date.parse('2018-09-13T12:05:00Z');

describe('one clock per edition', () => {
	it('shows an instant on the edition’s clock, whatever the server’s zone', () => {
		expect(formatInstant('fr', noonUtc, 'Europe/Paris')).toBe('13 septembre 2018 à 14:05');
		expect(formatInstant('en', noonUtc, 'Europe/Paris', 'time')).toBe('14:05');
		expect(formatInstant('fr', new Date(noonUtc).toISOString(), 'Indian/Reunion', 'time')).toBe('16:05');
	});

	it('names the zone only when the reader’s clock shows another time', () => {
		expect(formatInstant('fr', noonUtc, 'Europe/Paris', 'time', 'Europe/Paris')).toBe('14:05');
		// Brussels reads the same wall-clock time as Paris: nothing to explain.
		expect(formatInstant('fr', noonUtc, 'Europe/Paris', 'time', 'Europe/Brussels')).toBe('14:05');
		expect(formatInstant('fr', noonUtc, 'Europe/Paris', 'time', 'Indian/Reunion')).toBe('14:05 UTC+2');
		expect(zoneDiffers(noonUtc, 'Europe/Paris', null)).toBe(false);
		expect(zoneDiffers(noonUtc, 'Europe/Paris', 'America/Cayenne')).toBe(true);
	});

	it('dates an instant by the edition’s calendar day', () => {
		// 23:30 UTC on the 13th is already the 14th in Paris.
		expect(dayInZone('2018-09-13T23:30:00Z', 'Europe/Paris')).toBe('2018-09-14');
		expect(dayInZone('2018-09-13T23:30:00Z', 'UTC')).toBe('2018-09-13');
	});

	it('names a zone by its short name at that instant, and reads back only zones Intl knows', () => {
		expect(zoneName('fr', noonUtc, 'Europe/Paris')).toBe('UTC+2');
		expect(zoneName('en', Date.parse('2018-12-13T12:00:00Z'), 'Europe/Paris')).toBe('CET');
		expect(knownZone('Indian/Reunion')).toBe('Indian/Reunion');
		expect(knownZone('not/a-zone')).toBeNull();
		expect(knownZone(undefined)).toBeNull();
		expect(knownZone('x'.repeat(65))).toBeNull();
	});
});
