// Supported interface languages; French is the default.
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (locales as readonly string[]).includes(v);

/** Picks the first supported language of an Accept-Language header. */
export function negotiateLocale(header: string | null): Locale {
	for (const part of (header ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return defaultLocale;
}
