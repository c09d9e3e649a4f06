// Turns an AppError's message key into text in the reader's language (the request's locale, French outside a request).
import { getRequestEvent } from '$app/server';
import { isMessageKey, translate } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import type { AppError } from '$server/shared/errors';

function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'fr';
	} catch {
		return 'fr'; // called outside a request (a unit test driving a presenter directly)
	}
}

/** The error's message in `locale` (by default the current request's); a message that is not a key passes through. */
export function errorText(e: Pick<AppError, 'message' | 'params'>, locale?: Locale): string {
	return isMessageKey(e.message) ? translate(locale ?? requestLocale(), e.message, e.params) : e.message;
}
