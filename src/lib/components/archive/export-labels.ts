// Messages and date formats of one language, handed to the server's exporters (which cannot read the catalogue themselves).
import { translate, type MessageKey } from '$lib/i18n/catalogue';
import { formatDate, formatDay, formatTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { Labels } from '$server/shared/export-labels';

export function exportLabels(locale: Locale): Labels {
	return {
		locale,
		t: (key, params) => translate(locale, key as MessageKey, params),
		date: (iso) => formatDate(locale, iso),
		day: (iso) => formatDay(locale, iso),
		time: (local) => formatTime(locale, local)
	};
}
