import type { Migration } from './registry.js';

/** The identity lives only in sealed_identity (AES-256-GCM); the pseudonym is all that is readable. */
export const createWitnesses: Migration = {
  version: 4,
  name: '0004-create-witnesses',
  up(db) {
    db.exec(`
      CREATE TABLE witnesses (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        pseudonym TEXT NOT NULL CHECK (pseudonym GLOB 'W-[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]'),
        sealed_identity BLOB NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (case_id, pseudonym)
      ) STRICT;
      CREATE INDEX witnesses_by_pseudonym ON witnesses(pseudonym);
    `);
  },
};
