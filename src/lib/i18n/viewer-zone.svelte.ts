// The reader's own time zone, known only in the browser: null on the server and until the page has hydrated.
import { ZONE_COOKIE } from '$server/shared/cookies';

let zone = $state<string | null>(null);

export const viewerZone = () => zone;

/**
 * Called once by the root layout after mount: times then name their zone where the reader's clock differs.
 * The zone is also kept in a cookie, so the archive (which ships no script) can say the same on its next pages.
 */
export function detectViewerZone() {
	zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
	if (zone) document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${400 * 24 * 3600}; samesite=lax`;
}
