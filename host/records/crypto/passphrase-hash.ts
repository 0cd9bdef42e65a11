import { randomBytes, timingSafeEqual } from 'node:crypto';
import { costForNewKeys, deriveKey, OPERATOR_COST, type ScryptCost } from './scrypt.js';

/** Format: scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64>. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const cost = costForNewKeys(OPERATOR_COST);
  const salt = randomBytes(16);
  const hash = await deriveKey(passphrase, salt, cost);
  return [
    'scrypt',
    cost.costLog2,
    cost.blockSize,
    cost.parallelism,
    salt.toString('base64'),
    hash.toString('base64'),
  ].join('$');
}

export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const [kind, log2, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !log2 || !r || !p || !salt || !hash) return false;
  const cost: ScryptCost = { costLog2: Number(log2), blockSize: Number(r), parallelism: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const actual = await deriveKey(passphrase, Buffer.from(salt, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
