// `t()` for components: translates in the language of the current page (reactive on the language switch).
import { page } from '$app/state';
import { translate, translateFieldError, type MessageKey, type Params } from './catalogue';
import { defaultLocale, type Locale } from './locales';
import { formatDate, formatDateRange, formatTime, formatDay, formatInstant, dayInZone, type InstantStyle } from './format';
import { viewerZone } from './viewer-zone.svelte';
import { formatNumber } from './plural';

const current = (): Locale => page.data.locale ?? defaultLocale;

export const t = (key: MessageKey, params?: Params) => translate(current(), key, params);
export const tField = (key: string) => translateFieldError(current(), key);
export const fmt = {
	date: (isoDate: string) => formatDate(current(), isoDate),
	dateRange: (from: string, to: string) => formatDateRange(current(), from, to),
	day: (isoDate: string) => formatDay(current(), isoDate),
	time: (localDateTime: string) => formatTime(current(), localDateTime),
	/** The calendar date of an instant on the edition's clock. */
	dateIn: (at: number | string, timeZone: string) => formatDate(current(), dayInZone(at, timeZone)),
	number: (n: number) => formatNumber(current(), n),
	/** An instant on the edition's clock, naming the zone when the reader's differs. */
	instant: (at: number | string, timeZone: string, style?: InstantStyle) => formatInstant(current(), at, timeZone, style, viewerZone())
};
export type { MessageKey };
