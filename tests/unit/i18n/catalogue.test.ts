import { describe, expect, it } from 'vitest';
import { catalogue, translate } from '../../../src/lib/i18n/catalogue';
import { interpolate } from '../../../src/lib/i18n/plural';

const frKeys = Object.keys(catalogue.fr);
const enKeys = Object.keys(catalogue.en);

/** Words that only an English sentence carries; a French message holding two of them was left untranslated. */
const englishWords = ['the', 'and', 'you', 'your', 'this', 'with', 'from', 'for', 'is', 'are', 'not', 'will', 'has', 'have', 'of', 'to', 'be', 'can', 'it'];
/** Proper names: licences and format names read the same in both languages. */
const sameInBothLanguages = /^(licence|format|programmeImport\.kind)\./;
const englishWordCount = (text: string) => text.replace(/\{[^{}]*\}/g, ' ').toLowerCase().split(/[^a-z’']+/).filter((w) => englishWords.includes(w)).length;

describe('message catalogue', () => {
	it('has every key in both languages, none empty', () => {
		expect(enKeys.filter((k) => !(k in catalogue.fr))).toEqual([]);
		expect(frKeys.filter((k) => !(k in catalogue.en))).toEqual([]);
		for (const locale of ['fr', 'en'] as const) {
			const empty = Object.entries(catalogue[locale]).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
			expect(empty.map(([k]) => `${locale}:${k}`)).toEqual([]);
		}
	});

	it('holds no English sentence in the French messages', () => {
		const english = Object.entries(catalogue.fr).filter(([, text]) => englishWordCount(text) >= 2).map(([k, text]) => `${k}: ${text}`);
		expect(english).toEqual([]);
		const copied = Object.entries(catalogue.fr).filter(([key, text]) => !sameInBothLanguages.test(key) && text.split(/\s+/).length >= 3 && catalogue.en[key as keyof typeof catalogue.en] === text);
		expect(copied.map(([k]) => k)).toEqual([]);
	});

	it('writes plurals with plural forms, never « (s) »', () => {
		const lazy = Object.entries({ ...catalogue.fr }).concat(Object.entries(catalogue.en)).filter(([, text]) => /\w\((s|x|es)\)/.test(text));
		expect(lazy.map(([k]) => k)).toEqual([]);
	});

	it('gives each plural message an « other » form in both languages', () => {
		for (const locale of ['fr', 'en'] as const) {
			for (const [key, text] of Object.entries(catalogue[locale])) {
				for (const m of text.matchAll(/\{\s*\w+\s*,\s*plural\s*,/g)) {
					expect(text.slice(m.index), `${locale}:${key}`).toMatch(/^\{\s*\w+\s*,\s*plural\s*,[\s\S]*other\s*\{/);
				}
			}
		}
	});
});

describe('plural forms', () => {
	it('picks the form by the language’s plural rules', () => {
		expect(translate('fr', 'pad.presence.count', { count: 1 })).toBe('1 personne sur ce pad');
		expect(translate('fr', 'pad.presence.count', { count: 0 })).toBe('0 personne sur ce pad');
		expect(translate('fr', 'pad.presence.count', { count: 3 })).toBe('3 personnes sur ce pad');
		expect(translate('en', 'pad.presence.count', { count: 1 })).toBe('1 person on this pad');
		expect(translate('en', 'pad.presence.count', { count: 0 })).toBe('0 people on this pad');
	});

	it('prefers an exact form and writes the number in the page’s language', () => {
		expect(translate('fr', 'search.count', { count: 0 })).toBe('Aucun résultat');
		expect(translate('fr', 'search.count', { count: 1 })).toBe('1 résultat');
		expect(translate('fr', 'search.count', { count: 12345 })).toBe('12\u202f345 résultats');
		expect(translate('en', 'search.count', { count: 12345 })).toBe('12,345 results');
	});

	it('handles several plurals and plain parameters in one message', () => {
		expect(translate('fr', 'drive.trashEmptied', { files: 1, folders: 2, size: '3 Ko' })).toBe('Corbeille vidée : 1 fichier, 2 dossiers, 3 Ko libérés.');
		expect(interpolate('en', '{name} has {n, plural, one {# pad} other {# pads}}', { name: 'Ada', n: 2 })).toBe('Ada has 2 pads');
		expect(interpolate('en', 'keeps {unknown} as is', {})).toBe('keeps {unknown} as is');
	});
});
