// Dates and times in the page's language. Programme slots are local times (no conversion); instants are shown on the edition's clock.
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

export type InstantStyle = 'long' | 'short' | 'time';
const instantParts: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
	long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
	short: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
	time: { hour: '2-digit', minute: '2-digit' }
};
const instantFormats = new Map<string, Intl.DateTimeFormat>();
function instantFormat(locale: Locale, timeZone: string, style: InstantStyle, withZone: boolean): Intl.DateTimeFormat {
	const id = `${locale}|${timeZone}|${style}|${withZone}`;
	let format = instantFormats.get(id);
	if (!format) {
		format = new Intl.DateTimeFormat(tag(locale), { ...instantParts[style], hourCycle: 'h23', timeZone, ...(withZone ? { timeZoneName: 'short' } : {}) });
		instantFormats.set(id, format);
	}
	return format;
}

/** Whether a viewer in `viewerZone` reads another wall-clock time than the edition's at this instant. */
export function zoneDiffers(at: number, editionZone: string, viewerZone: string | null): boolean {
	if (!viewerZone || viewerZone === editionZone) return false;
	try {
		return instantFormat('en', editionZone, 'short', false).format(at) !== instantFormat('en', viewerZone, 'short', false).format(at);
	} catch {
		return false;
	}
}

/**
 * An instant (Unix ms or ISO string) on the edition's clock: one clock per edition, whatever the server's or the reader's zone.
 * The zone is named when the reader's own clock shows another time.
 */
export function formatInstant(locale: Locale, at: number | string, timeZone: string, style: InstantStyle = 'long', viewerZone: string | null = null): string {
	const ms = typeof at === 'number' ? at : Date.parse(at);
	if (!Number.isFinite(ms)) return String(at);
	return instantFormat(locale, timeZone, style, zoneDiffers(ms, timeZone, viewerZone)).format(ms);
}

/** The edition's calendar day of an instant, as 'YYYY-MM-DD' (for dates such as « published on »). */
export const dayInZone = (at: number | string, timeZone: string) =>
	new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(typeof at === 'number' ? at : Date.parse(at));

/** A zone name as Intl spells it (« europe/paris » -> « Europe/Paris »), or null for anything Intl does not know. */
export function knownZone(raw: string | undefined | null): string | null {
	if (!raw || raw.length > 64) return null;
	try {
		return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** The zone's short name at an instant (« UTC+2 », « CEST »), to name it beside a time. */
export function zoneName(locale: Locale, at: number, timeZone: string): string {
	try {
		return new Intl.DateTimeFormat(tag(locale), { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
	} catch {
		return timeZone;
	}
}
