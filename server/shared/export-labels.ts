// What exports need from the page's language: translated messages and date formats, injected by the caller.
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
