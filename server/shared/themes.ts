// Theme label rules: « #Données », « donnees » and « #données » are the same theme.
export const themeKey = (label: string) =>
	label
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/^#/, '')
		.trim()
		.toLowerCase();

/** Tracks are faceted by title: one track of several editions (« Communs numériques » each year) is one value. */
export const trackKey = themeKey;

export const normaliseThemeLabel = (label: string) => (label.startsWith('#') ? label : `#${label}`);
