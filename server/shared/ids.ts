// Random, unguessable identifiers and tokens.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

/** 80 random bits: short enough for URLs, far too many to guess. */
export const newId = (): string => randomBase32(10);
/** 160 random bits, as the Lucia guide recommends for secrets. */
export const newToken = (): string => randomBase32(20);
