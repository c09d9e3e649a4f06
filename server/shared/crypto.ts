// Hashing of secrets that are stored only as digests (session tokens, invite links, API tokens).
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
