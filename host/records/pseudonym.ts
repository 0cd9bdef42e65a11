import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, U/V or 5/S look-alikes: easy to read aloud and to write by hand. */
export const PSEUDONYM_ALPHABET = '2346789ABCDEFGHJKMNPQRTWXYZ';
const LENGTH = 4;

/** A random pseudonym such as W-7K3Q, from the OS's CSPRNG: never derived from the identity. */
export function randomPseudonym(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return `W-${code}`;
}
