/** What the fuzzer compares before and after: every table's rows but the audit log's, and the log. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const AUDIT_TABLES = new Set(['audit_log', 'audit_head', 'sqlite_sequence']);

export type DbState = { digest: string; auditSeq: number };

/** `skip`: tables also left out (e.g. the sign-in failure counters in operators and keyring). */
export function readDbState(path: string, skip: readonly string[] = []): DbState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      if (AUDIT_TABLES.has(name) || skip.includes(name)) continue;
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
        hash.update(
          JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
        );
    }
    const seq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log').get() as {
      seq: number;
    };
    return { digest: hash.digest('hex'), auditSeq: seq.seq };
  } finally {
    db.close();
  }
}

/** Audit actions written after `afterSeq`, with their counts. */
export function auditActionsSince(path: string, afterSeq: number): Record<string, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT action, COUNT(*) AS n FROM audit_log WHERE seq > ? GROUP BY action')
      .all(afterSeq) as { action: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.action, row.n]));
  } finally {
    db.close();
  }
}
