/** The audit chain's hashing and sealing: SHA-256 links, HMAC seals under the court's audit key. */
import { createHash } from 'node:crypto';
import { hmacHex } from './crypto/court-keys.js';
import type { ReadableDB, WritableDB } from './db-types.js';

export type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  actor_role: string;
  action: string;
  subject_type: string | null;
  subject_id: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
  /** HMAC of hash under the court's audit key; NULL while written with the records locked. */
  mac: string | null;
};

export type AuditHeadRow = {
  seq: number;
  hash: string;
  keyed_seq: number;
  keyed_mac: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

export const entryMac = (key: Buffer, hash: string) => hmacHex(key, 'entry', hash);
export const headMac = (key: Buffer, seq: number, hash: string) => hmacHex(key, 'head', seq, hash);

export function entryHash(row: Omit<AuditRow, 'hash' | 'mac'>): string {
  const content = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.actor_role,
    row.action,
    row.subject_type,
    row.subject_id,
    row.detail,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

export function setKeyedHead(db: WritableDB, key: Buffer, seq: number, hash: string): void {
  db.prepare(`UPDATE audit_head SET keyed_seq = @seq, keyed_mac = @mac WHERE id = 1`).run({
    seq,
    mac: headMac(key, seq, hash),
  });
}

export function readAuditHead(db: ReadableDB): AuditHeadRow | undefined {
  return db.prepare(`SELECT seq, hash, keyed_seq, keyed_mac FROM audit_head WHERE id = 1`).get() as
    AuditHeadRow | undefined;
}

/**
 * Seals the entries after the sealed head, if their hash chain is intact, and moves the head to the
 * last one. Returns the range sealed. A broken stretch is left unsealed: `audit verify` names it.
 */
export function sealPendingEntries(
  db: WritableDB,
  key: Buffer,
): { fromSeq: number; toSeq: number } | undefined {
  const head = readAuditHead(db);
  if (!head || head.keyed_seq >= head.seq) return undefined;
  const pending = db
    .prepare(`SELECT * FROM audit_log WHERE seq > @after ORDER BY seq`)
    .all({ after: head.keyed_seq }) as AuditRow[];
  const keyedRow = db
    .prepare(`SELECT hash FROM audit_log WHERE seq = @seq`)
    .get({ seq: head.keyed_seq }) as { hash: string } | undefined;
  let prevHash = head.keyed_seq === 0 ? GENESIS_HASH : keyedRow?.hash;
  let expected = head.keyed_seq + 1;
  for (const row of pending) {
    if (row.seq !== expected || row.prev_hash !== prevHash || entryHash(row) !== row.hash)
      return undefined;
    prevHash = row.hash;
    expected++;
  }
  const last = pending.at(-1);
  if (!last || last.seq !== head.seq || last.hash !== head.hash) return undefined;
  const seal = db.prepare(`UPDATE audit_log SET mac = @mac WHERE seq = @seq`);
  for (const row of pending) seal.run({ mac: entryMac(key, row.hash), seq: row.seq });
  setKeyedHead(db, key, last.seq, last.hash);
  return { fromSeq: head.keyed_seq + 1, toSeq: last.seq };
}
