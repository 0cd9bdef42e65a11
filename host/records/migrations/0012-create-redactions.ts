import type { Migration } from './registry.js';

/**
 * Redaction marks on a hearing's record: wall-clock ranges the judge ordered hidden in the public
 * copy (audio bleeped, video blacked). The master recording is never altered.
 */
export const createRedactions: Migration = {
  version: 12,
  name: '0012-create-redactions',
  up(db) {
    db.exec(`
      CREATE TABLE redactions (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        from_at TEXT NOT NULL,
        to_at TEXT NOT NULL CHECK (to_at > from_at),
        reason TEXT NOT NULL DEFAULT '',
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX redactions_by_hearing ON redactions(hearing_id);
    `);
  },
};
