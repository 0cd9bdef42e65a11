import { coded, type CodedError } from '../../contract/errors/codes.js';
import {
  entryHash,
  entryMac,
  GENESIS_HASH,
  headMac,
  readAuditHead,
  sealPendingEntries,
  setKeyedHead,
  type AuditRow,
} from './audit-chain.js';
import { auditKeyFor } from './audit-key.js';
import type { ReadableDB, WritableDB } from './db-types.js';

export { GENESIS_HASH };

/** One thing that happened, as other domains (session, recording) describe it to appendAudit. */
export type AuditEntryInput = {
  actor: string;
  actorRole: string;
  action: string;
  subjectType?: string | undefined;
  subjectId?: number | undefined;
  /** Small JSON facts (reason, fields changed). Never an identity. */
  detail?: Record<string, unknown> | undefined;
};

export type AuditEntry = {
  seq: number;
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  subjectType: string | null;
  subjectId: number | null;
  detail: Record<string, unknown>;
};

/**
 * Appends one entry to the hash chain. Runs inside the caller's transaction when there is one, so
 * an audited change and its entry commit together.
 */
export function appendAudit(db: WritableDB, entry: AuditEntryInput): number {
  const append = db.transaction(() => {
    const head = db.prepare(`SELECT seq, hash FROM audit_head WHERE id = 1`).get() as
      { seq: number; hash: string } | undefined;
    const row: Omit<AuditRow, 'hash' | 'mac'> = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actor: entry.actor,
      actor_role: entry.actorRole,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(row);
    const key = auditKeyFor(db);
    // Entries another process wrote while it had the records locked are sealed before this one.
    if (key) sealPendingEntries(db, key);
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor, actor_role, action, subject_type, subject_id, detail, prev_hash, hash, mac)
       VALUES (@seq, @at, @actor, @actor_role, @action, @subject_type, @subject_id, @detail, @prev_hash, @hash, @mac)`,
    ).run({ ...row, hash, mac: key ? entryMac(key, hash) : null });
    db.prepare(
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash)
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
    ).run({ seq: row.seq, hash });
    if (key) setKeyedHead(db, key, row.seq, hash);
    return row.seq;
  });
  return append.immediate();
}

export type AuditVerdict =
  | {
      intact: true;
      entries: number;
      /** With the audit key: entries written while the records were locked, not yet sealed. */
      unsealed?: number;
    }
  | {
      intact: false;
      entries: number;
      firstBadSeq: number;
      /** What is wrong, as a catalogue code (`audit.*`) the CLI words in its language. */
      problem: CodedError;
    };

/**
 * Walks the chain from the first entry; names the first entry that is altered, missing or out of
 * place. With the court's audit key it also checks each sealed entry's HMAC and the keyed head, so a
 * chain rewritten and re-hashed without the key fails.
 */
export function verifyAuditChain(db: ReadableDB, auditKey?: Buffer): AuditVerdict {
  const head = readAuditHead(db);
  const keyedSeq = head?.keyed_seq ?? 0;
  let keyedHash: string | undefined;
  const rows = db
    .prepare(`SELECT * FROM audit_log ORDER BY seq`)
    .iterate() as IterableIterator<AuditRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    const bad = (problem: CodedError): AuditVerdict => ({
      intact: false,
      entries: count,
      firstBadSeq: expectedSeq,
      problem,
    });
    if (row.seq !== expectedSeq) {
      return bad(
        row.seq > expectedSeq
          ? coded('audit.entry-missing', { seq: String(expectedSeq), next: String(row.seq) })
          : coded('audit.entry-out-of-order', { seq: String(row.seq) }),
      );
    }
    if (row.prev_hash !== prevHash) {
      return bad(
        coded('audit.entry-not-linked', { seq: String(row.seq), previous: String(row.seq - 1) }),
      );
    }
    if (entryHash(row) !== row.hash)
      return bad(coded('audit.entry-altered', { seq: String(row.seq) }));
    if (auditKey) {
      const sealedRight = row.mac !== null && row.mac === entryMac(auditKey, row.hash);
      if (row.seq <= keyedSeq && !sealedRight)
        return bad(coded('audit.entry-seal-mismatch', { seq: String(row.seq) }));
      if (row.seq > keyedSeq && row.mac !== null && !sealedRight)
        return bad(coded('audit.entry-foreign-seal', { seq: String(row.seq) }));
      if (row.seq === keyedSeq) keyedHash = row.hash;
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  const sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as
    { seq: number } | undefined;
  const highest = Math.max(head?.seq ?? 0, sequence?.seq ?? 0);
  if (highest > lastSeq) {
    return {
      intact: false,
      entries: count,
      firstBadSeq: lastSeq + 1,
      problem: coded('audit.tail-missing', { from: String(lastSeq + 1), to: String(highest) }),
    };
  }
  if (head && head.hash !== prevHash) {
    return {
      intact: false,
      entries: count,
      firstBadSeq: lastSeq,
      problem: coded('audit.head-mismatch', { seq: String(lastSeq) }),
    };
  }
  if (!auditKey) return { intact: true, entries: count };
  if (keyedSeq > 0 && (!keyedHash || head?.keyed_mac !== headMac(auditKey, keyedSeq, keyedHash)))
    return {
      intact: false,
      entries: count,
      firstBadSeq: Math.min(keyedSeq, lastSeq),
      problem: coded('audit.sealed-head-mismatch', { seq: String(keyedSeq) }),
    };
  return { intact: true, entries: count, unsealed: lastSeq - keyedSeq };
}

export function auditTrailFor(
  db: ReadableDB,
  subjectType: string,
  subjectId: number,
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log WHERE subject_type = @subjectType AND subject_id = @subjectId
        ORDER BY seq`,
    )
    .all({ subjectType, subjectId }) as AuditRow[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}
