import type { Migration } from './registry.js';

/** The data key, wrapped by a key derived from the court passphrase (scrypt parameters stored here). */
export const createKeyring: Migration = {
  version: 7,
  name: '0007-create-keyring',
  up(db) {
    db.exec(`
      CREATE TABLE keyring (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt BLOB NOT NULL,
        cost_log2 INTEGER NOT NULL CHECK (cost_log2 BETWEEN 10 AND 22),
        block_size INTEGER NOT NULL,
        parallelism INTEGER NOT NULL,
        wrapped_key BLOB NOT NULL,
        outer_wrapper TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
