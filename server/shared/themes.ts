// Theme label rules: « #Données », « donnees » and « #données » are the same theme.
export const themeKey = (label: string) =>
	label
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/^#/, '')
		.trim()
		.toLowerCase();

export const normaliseThemeLabel = (label: string) => (label.startsWith('#') ? label : `#${label}`);
