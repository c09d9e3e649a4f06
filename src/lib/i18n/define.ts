// Declares one feature's messages: French is the source, English must have exactly the same keys.
export function defineMessages<const T extends Record<string, string>>(fr: T, en: { [K in keyof T]: string }) {
	return { fr, en };
}
