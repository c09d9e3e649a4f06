// Turns an AppError's message key into text in the reader's language (the request's locale, French outside a request).
import { getRequestEvent } from '$app/server';
import { isMessageKey, translate } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import type { AppError, MessageItem } from '$server/shared/errors';

function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'fr';
	} catch {
		return 'fr'; // called outside a request (a unit test driving a presenter directly)
	}
}

/** Each item of a list parameter (a kit's or a CSV file's problems) in `locale`; an item that is not a key passes through. */
export function messageItemsText(items: MessageItem[], locale?: Locale): string[] {
	const language = locale ?? requestLocale();
	return items.map((item) => (isMessageKey(item.key) ? translate(language, item.key, item.params) : item.key));
}

/** The error's message in `locale` (by default the current request's); a message that is not a key passes through. */
export function errorText(e: Pick<AppError, 'message' | 'params'>, locale?: Locale): string {
	if (!isMessageKey(e.message)) return e.message;
	const language = locale ?? requestLocale();
	// A list parameter (a CSV file's row problems) holds keys too: each item is translated in the same language.
	const params = Object.fromEntries(
		Object.entries(e.params).map(([name, value]) => [
			name,
			Array.isArray(value) ? messageItemsText(value, language).join(language === 'fr' ? ' ; ' : '; ') : value
		])
	);
	return translate(language, e.message, params);
}
