// What exports need from the page's language: translated messages and date formats, injected by the caller (server/ never reads src/).
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type Labels = {
	locale: 'fr' | 'en';
	t: Translate;
	/** '2018-09-13' (or a full ISO instant) -> '13 septembre 2018'. */
	date: (iso: string) => string;
	/** '2018-09-13' -> 'jeudi 13 septembre'. */
	day: (iso: string) => string;
	/** '2018-09-13T14:00' -> '14h00'. */
	time: (localDateTime: string) => string;
};

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Root-relative links in stored content ('/files/…') point back to the live site, so a downloaded copy still finds them. */
export const absolutiseLinks = (html: string, origin: string) => html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin}/`);
