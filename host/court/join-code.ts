/**
 * Join codes: 28 symbols from Crockford's base32 alphabet (140 random bits), shown in groups of four
 * so they can be read aloud or typed. Only the SHA-256 of the normalised code is stored: with this
 * much entropy a plain hash cannot be reversed by guessing.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_SYMBOLS = 28;

export function newJoinCode(): string {
  const bytes = randomBytes(JOIN_CODE_SYMBOLS);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** Upper case, separators dropped, the letters people confuse mapped as Crockford does. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isWellFormedJoinCode(normalised: string): boolean {
  return (
    normalised.length === JOIN_CODE_SYMBOLS && [...normalised].every((c) => ALPHABET.includes(c))
  );
}

export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A seat token: proves that a reconnecting client is the one that first used the code. */
export function newSeatToken(): string {
  return randomBytes(32).toString('base64url');
}
