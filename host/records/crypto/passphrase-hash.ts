import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ReadableDB } from '../db-types.js';
import { anyPassphraseHash } from '../queries/operators.js';
import {
  costForNewKeys,
  deriveKey,
  isBelowCost,
  isTestBuild,
  OPERATOR_COST,
  type ScryptCost,
} from './scrypt.js';

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

/**
 * A hash no passphrase matches, with the same cost as the operators' own (else the default): checking
 * it takes as long as checking a real operator's, so timing does not reveal which names exist.
 */
export function dummyHashLike(db: ReadableDB): string {
  const [kind, log2, r, p] = (anyPassphraseHash(db) ?? '').split('$');
  const cost =
    kind === 'scrypt' && log2 && r && p
      ? [log2, r, p]
      : (({ costLog2, blockSize, parallelism }) => [costLog2, blockSize, parallelism])(
          costForNewKeys(OPERATOR_COST),
        );
  return [
    'scrypt',
    ...cost,
    randomBytes(16).toString('base64'),
    randomBytes(32).toString('base64'),
  ].join('$');
}

/** Outside a test build, a hash made at a test cost is remade at full cost on the next sign-in. */
export function hashBelowCost(stored: string): boolean {
  const [, log2, r] = stored.split('$');
  return (
    !isTestBuild() &&
    isBelowCost({ costLog2: Number(log2), blockSize: Number(r), parallelism: 1 }, OPERATOR_COST)
  );
}

export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const [kind, log2, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !log2 || !r || !p || !salt || !hash) return false;
  const cost: ScryptCost = { costLog2: Number(log2), blockSize: Number(r), parallelism: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const actual = await deriveKey(passphrase, Buffer.from(salt, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
