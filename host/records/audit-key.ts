/**
 * The audit chain's HMAC key for each open database handle, present while the records are unlocked
 * in this process. appendAudit seals each entry with it; without it an entry waits, unsealed, for
 * the next unlock (audit-sealing.ts).
 */
import { deriveCourtSubkey } from './crypto/court-keys.js';
import type { ReadableDB } from './db-types.js';

const keys = new WeakMap<object, Buffer>();

export function auditKeyFor(db: ReadableDB): Buffer | undefined {
  return keys.get(db);
}

export function rememberAuditKey(db: ReadableDB, dataKey: Buffer): Buffer {
  const key = deriveCourtSubkey(dataKey, 'audit-chain');
  keys.set(db, key);
  return key;
}

export function forgetAuditKey(db: ReadableDB): void {
  keys.get(db)?.fill(0);
  keys.delete(db);
}
