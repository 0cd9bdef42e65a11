import { scrypt } from 'node:crypto';

export type ScryptCost = { costLog2: number; blockSize: number; parallelism: number };

/** Production: N = 2^17, r = 8 (128 MiB, ~0.3-0.5 s) for the court key; operators a little lighter. */
export const COURT_KEY_COST: ScryptCost = { costLog2: 17, blockSize: 8, parallelism: 1 };
export const OPERATOR_COST: ScryptCost = { costLog2: 15, blockSize: 8, parallelism: 1 };
const MIN_COST_LOG2 = 10;

/**
 * A test build: Vitest, the E2E runner, the fuzzer and the benches run with NODE_ENV=test; the
 * desktop bundle is built with NODE_ENV=production, so there it is never true.
 */
export const isTestBuild = (): boolean => process.env.NODE_ENV === 'test';

/** A key or hash made below the production cost (in a test build); it is never kept elsewhere. */
export const isBelowCost = (stored: ScryptCost, base: ScryptCost): boolean =>
  stored.costLog2 < base.costLog2 || stored.blockSize < base.blockSize;

/**
 * The cost used for new keys and hashes. INCAMERA_SCRYPT_COST (log2 N, at least 10) lowers it in a
 * test build only; the cost is stored with every key and hash, so unlocking always uses the cost
 * the key was made with, and outside a test build a cheaper one is remade at full cost on first use.
 */
export function costForNewKeys(base: ScryptCost): ScryptCost {
  if (!isTestBuild()) return base;
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
