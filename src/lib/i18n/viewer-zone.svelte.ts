// The reader's own time zone, known only in the browser: null on the server and until the page has hydrated.
let zone = $state<string | null>(null);

export const viewerZone = () => zone;

/** Called once by the root layout after mount: times then name their zone where the reader's clock differs. */
export function detectViewerZone() {
	zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}
