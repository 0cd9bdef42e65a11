import { scrypt } from 'node:crypto';

export type ScryptCost = { costLog2: number; blockSize: number; parallelism: number };

/** Production: N = 2^17, r = 8 (128 MiB, ~0.3-0.5 s) for the court key; operators a little lighter. */
export const COURT_KEY_COST: ScryptCost = { costLog2: 17, blockSize: 8, parallelism: 1 };
export const OPERATOR_COST: ScryptCost = { costLog2: 15, blockSize: 8, parallelism: 1 };
const MIN_COST_LOG2 = 10;

/**
 * The cost used for new keys and hashes. INCAMERA_SCRYPT_COST (log2 N, at least 10) lowers it for
 * tests and benchmarks only; the cost is stored with every key and hash, so unlocking always uses
 * the cost the key was made with.
 */
export function costForNewKeys(base: ScryptCost): ScryptCost {
  const override = Number(process.env.INCAMERA_SCRYPT_COST);
  if (!Number.isInteger(override) || override < MIN_COST_LOG2 || override > base.costLog2)
    return base;
  return { ...base, costLog2: override };
}

export function deriveKey(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.costLog2;
  return new Promise((resolve, reject) =>
    scrypt(
      secret.normalize('NFC'),
      salt,
      32,
      { N, r: cost.blockSize, p: cost.parallelism, maxmem: 256 * N * cost.blockSize },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}
