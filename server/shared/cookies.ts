// Cookie names, shared by the pages and the real-time endpoint.
export const SESSION_COOKIE = 'ml_session';
/** A random id per browser, used to limit log-in attempts per device rather than per IP. */
export const DEVICE_COOKIE = 'ml_device';
export const LANG_COOKIE = 'ml_lang';
/** The reader's own time zone, written by the browser so that pages without script can tell whether it differs. */
export const ZONE_COOKIE = 'ml_tz';

export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined; // a mangled cookie is no cookie
			}
		}
	}
	return undefined;
}
