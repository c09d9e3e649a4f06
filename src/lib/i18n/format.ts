// Dates and times of the programme, shown in the page's language. Slots are local times: no time zone conversion.
import type { Locale } from './locales';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');
const asUtc = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

export const formatDate = (locale: Locale, isoDate: string) =>
	new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(asUtc(isoDate));

export const formatDay = (locale: Locale, isoDate: string) =>
	new Intl.DateTimeFormat(tag(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(asUtc(isoDate));

export function formatDateRange(locale: Locale, from: string, to: string): string {
	if (from === to) return formatDate(locale, from);
	return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(asUtc(from), asUtc(to));
}

/** '2018-09-13T09:30' -> '09:30' (fr) or '09:30' (en, 24 h as printed programmes do). */
export const formatTime = (_locale: Locale, localDateTime: string) => localDateTime.slice(11, 16).replace(':', _locale === 'fr' ? 'h' : ':');
