import { randomBytes } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../db-types.js';
import { decrypt, encrypt } from './aead.js';
import type { KeyWrapper } from './key-wrapper.js';
import { COURT_KEY_COST, costForNewKeys, deriveKey, isBelowCost, isTestBuild } from './scrypt.js';

const WRAP_AAD = 'incamera/data-key/v1';
export const MIN_COURT_PASSPHRASE_LENGTH = 8;

export type KeyringRow = {
  salt: Buffer;
  cost_log2: number;
  block_size: number;
  parallelism: number;
  wrapped_key: Buffer;
  outer_wrapper: string | null;
  failed_attempts: number;
  last_failed_at: number | null;
};

export function readKeyring(db: ReadableDB): KeyringRow | undefined {
  return db.prepare(`SELECT * FROM keyring WHERE id = 1`).get() as KeyringRow | undefined;
}

export type NewKeyring = {
  dataKey: Buffer;
  salt: Buffer;
  cost: { costLog2: number; blockSize: number; parallelism: number };
  wrappedKey: Buffer;
  wrapperName: string | null;
};

/** Makes a fresh random data key and wraps it (slow: scrypt); insertKeyring stores it. */
export async function prepareKeyring(
  passphrase: string,
  wrapper?: KeyWrapper,
): Promise<NewKeyring> {
  return wrapDataKey(randomBytes(32), passphrase, wrapper);
}

/** Wraps a data key under a new scrypt key from the passphrase (slow), at the cost for new keys. */
export async function wrapDataKey(
  dataKey: Buffer,
  passphrase: string,
  wrapper?: KeyWrapper,
): Promise<NewKeyring> {
  const salt = randomBytes(16);
  const cost = costForNewKeys(COURT_KEY_COST);
  const kek = await deriveKey(passphrase, salt, cost);
  let wrappedKey = encrypt(kek, dataKey, WRAP_AAD);
  if (wrapper) wrappedKey = wrapper.wrap(wrappedKey);
  return { dataKey, salt, cost, wrappedKey, wrapperName: wrapper?.name ?? null };
}

/** Outside a test build, a court key made at a test cost is rewrapped at full cost on first use. */
export function keyringBelowCost(row: KeyringRow): boolean {
  return (
    !isTestBuild() &&
    isBelowCost(
      { costLog2: row.cost_log2, blockSize: row.block_size, parallelism: 1 },
      COURT_KEY_COST,
    )
  );
}

const keyringColumns = (keyring: NewKeyring) => ({
  salt: keyring.salt,
  costLog2: keyring.cost.costLog2,
  blockSize: keyring.cost.blockSize,
  parallelism: keyring.cost.parallelism,
  wrappedKey: keyring.wrappedKey,
  wrapperName: keyring.wrapperName,
});

export function replaceWrappedKey(db: WritableDB, keyring: NewKeyring): void {
  db.prepare(
    `UPDATE keyring SET salt = @salt, cost_log2 = @costLog2, block_size = @blockSize,
       parallelism = @parallelism, wrapped_key = @wrappedKey, outer_wrapper = @wrapperName
     WHERE id = 1`,
  ).run(keyringColumns(keyring));
}

export function insertKeyring(db: WritableDB, keyring: NewKeyring): void {
  db.prepare(
    `INSERT INTO keyring (id, salt, cost_log2, block_size, parallelism, wrapped_key, outer_wrapper, created_at)
     VALUES (1, @salt, @costLog2, @blockSize, @parallelism, @wrappedKey, @wrapperName, @createdAt)`,
  ).run({ ...keyringColumns(keyring), createdAt: new Date().toISOString() });
}

export type UnwrapOutcome =
  { ok: true; dataKey: Buffer } | { ok: false; reason: 'wrong-passphrase' | 'wrapper-missing' };

export async function unwrapDataKey(
  row: KeyringRow,
  passphrase: string,
  wrapper?: KeyWrapper,
): Promise<UnwrapOutcome> {
  let wrapped = row.wrapped_key;
  if (row.outer_wrapper) {
    if (!wrapper || wrapper.name !== row.outer_wrapper)
      return { ok: false, reason: 'wrapper-missing' };
    wrapped = wrapper.unwrap(wrapped);
  }
  const kek = await deriveKey(passphrase, row.salt, {
    costLog2: row.cost_log2,
    blockSize: row.block_size,
    parallelism: row.parallelism,
  });
  const dataKey = decrypt(kek, wrapped, WRAP_AAD);
  return dataKey ? { ok: true, dataKey } : { ok: false, reason: 'wrong-passphrase' };
}

/** After 3 wrong passphrases in a row, each further try waits 2^(n-3) s, at most 5 minutes. */
export function unlockWaitSeconds(
  failedAttempts: number,
  lastFailedAt: number | null,
  now = Date.now(),
): number {
  if (failedAttempts < 3 || lastFailedAt === null) return 0;
  const delayMs = Math.min(2 ** (failedAttempts - 3), 300) * 1000;
  return Math.max(0, Math.ceil((lastFailedAt + delayMs - now) / 1000));
}

export function recordFailedUnlock(db: WritableDB): void {
  db.prepare(
    `UPDATE keyring SET failed_attempts = failed_attempts + 1, last_failed_at = @at WHERE id = 1`,
  ).run({ at: Date.now() });
}

export function clearFailedUnlocks(db: WritableDB): void {
  db.prepare(`UPDATE keyring SET failed_attempts = 0, last_failed_at = NULL WHERE id = 1`).run();
}
