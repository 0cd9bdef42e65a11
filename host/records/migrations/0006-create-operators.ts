import type { Migration } from './registry.js';

export const createOperators: Migration = {
  version: 6,
  name: '0006-create-operators',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'judge')),
        passphrase_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
