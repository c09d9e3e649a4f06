// Interpolates a message: `{name}` parameters and ICU-style plurals `{count, plural, one {# item} other {# items}}`.
import type { Locale } from './locales';

export type Params = Record<string, string | number>;

export const localeTag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const rulesOf = (locale: Locale) => pluralRules.get(locale) ?? pluralRules.set(locale, new Intl.PluralRules(localeTag(locale))).get(locale)!;
const numbersOf = (locale: Locale) => numberFormats.get(locale) ?? numberFormats.set(locale, new Intl.NumberFormat(localeTag(locale))).get(locale)!;

export const formatNumber = (locale: Locale, n: number) => numbersOf(locale).format(n);

/** Index of the brace closing the one opened at `open`, or -1. */
function closingBrace(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

/** `one {…} other {…}` -> { one: '…', other: '…' }; `=0 {…}` stays keyed `=0`. */
function pluralForms(body: string): Record<string, string> {
	const forms: Record<string, string> = {};
	let i = 0;
	while (i < body.length) {
		const open = body.indexOf('{', i);
		if (open < 0) break;
		const close = closingBrace(body, open);
		if (close < 0) break;
		forms[body.slice(i, open).trim()] = body.slice(open + 1, close);
		i = close + 1;
	}
	return forms;
}

function choosePlural(locale: Locale, body: string, n: number, params: Params): string {
	const forms = pluralForms(body);
	const form = forms[`=${n}`] ?? forms[rulesOf(locale).select(n)] ?? forms.other ?? '';
	return interpolate(locale, form.replace(/#/g, formatNumber(locale, n)), params);
}

/** Replaces parameters; a number in a plural picks its form by the language's rules (Intl.PluralRules). */
export function interpolate(locale: Locale, text: string, params: Params): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const open = text.indexOf('{', i);
		if (open < 0) break;
		const close = closingBrace(text, open);
		if (close < 0) break;
		out += text.slice(i, open);
		const inner = text.slice(open + 1, close);
		const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
		if (plural) {
			const value = Number(params[plural[1]!]);
			out += Number.isFinite(value) ? choosePlural(locale, plural[2]!, value, params) : text.slice(open, close + 1);
		} else {
			out += inner in params ? String(params[inner]) : text.slice(open, close + 1);
		}
		i = close + 1;
	}
	return out + text.slice(i);
}
