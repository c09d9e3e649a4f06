// Short join codes printed on room signs: eight characters anyone can read aloud and type from a wall.

/** No 0/O, 1/I/L: the characters people mistake for one another on a printed sign. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;

const shortCodePattern = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** A new random short code (31^8 ≈ 8.5·10^11 codes), redrawn while `taken` says it is in use. */
export function newShortCode(taken: (code: string) => boolean = () => false): string {
	for (;;) {
		const bytes = new Uint8Array(SHORT_CODE_LENGTH);
		crypto.getRandomValues(bytes);
		// 256 % 31 leaves a bias of under 1 %, irrelevant for a code that is only ever looked up.
		const code = Array.from(bytes, (b) => SHORT_CODE_ALPHABET[b % SHORT_CODE_ALPHABET.length]).join('');
		if (!taken(code)) return code;
	}
}

/** What someone typed (any case, spaces or dashes) as a stored short code, or null when it cannot be one. */
export function normaliseShortCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s\-.·]/g, '');
	return shortCodePattern.test(code) ? code : null;
}

/** Two groups of four, easier to read aloud and to copy: `ABCD-EFGH`. */
export const formatShortCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
