// Message keys for the search contract's closed sets, and the « where and when » line of a result card.
import { isMessageKey, type MessageKey } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import type { SearchFacet, SearchHit, SearchHitType } from '$server/shared/search';

export const facetLabelKey: Record<SearchFacet, MessageKey> = {
	edition: 'search.facet.edition',
	theme: 'search.facet.theme',
	track: 'search.facet.track',
	format: 'search.facet.format',
	type: 'search.facet.type',
	licence: 'search.facet.licence',
	year: 'search.facet.year'
};

export const hitTypeKey: Record<SearchHitType, MessageKey> = {
	pad: 'search.type.pad',
	chat: 'search.type.chat',
	file: 'search.type.file',
	workshop: 'search.type.workshop',
	edition: 'search.type.edition',
	deliverable: 'search.type.deliverable',
	synthesis: 'search.type.synthesis'
};

export const isHitType = (value: string): value is SearchHitType => value in hitTypeKey;

/** A facet value in the page's language: licences and formats by their name, not their identifier. */
export function facetValueKey(facet: SearchFacet, value: string): MessageKey | null {
	if (facet === 'type') return isHitType(value) ? hitTypeKey[value] : null;
	if (facet !== 'licence' && facet !== 'format') return null;
	const key = `${facet}.${value}`;
	return isMessageKey(key) ? key : null;
}

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * « 14 sept. 2018 » or « 14 sept. 2018, 14h30 ». Programme slots are local times (`2018-09-14T14:30`) and are shown
 * as written; instants (with a zone) only by their UTC date, so that server and browser render the same text.
 */
export function formatHitDate(locale: Locale, value: string): string | null {
	const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
	if (!m) return null;
	const day = new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m[1]}T00:00:00Z`));
	const isLocalTime = m[2] !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value);
	return isLocalTime ? `${day}, ${m[2]}${locale === 'fr' ? 'h' : ':'}${m[3]}` : day;
}

/** Only links inside this site: a hit's url is a path the server built, never another origin. */
export const safeHitUrl = (url: string) => (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '#');

export type HitContextParts = Pick<SearchHit, 'context'>['context'];
