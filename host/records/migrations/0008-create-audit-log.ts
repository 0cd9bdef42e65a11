import type { Migration } from './registry.js';

/**
 * Append-only, hash-chained audit log. AUTOINCREMENT keeps sqlite_sequence at the highest seq ever
 * written, and audit_head repeats the last entry, so a deleted tail is detected too.
 */
export const createAuditLog: Migration = {
  version: 8,
  name: '0008-create-audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        action TEXT NOT NULL,
        subject_type TEXT,
        subject_id INTEGER,
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_subject ON audit_log(subject_type, subject_id);
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
    `);
  },
};
