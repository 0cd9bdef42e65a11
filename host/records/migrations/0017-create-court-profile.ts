import type { Migration } from './registry.js';

/** The court these records belong to: its name and when it was set up (the first-run sheet). */
export const createCourtProfile: Migration = {
  version: 17,
  name: '0017-create-court-profile',
  up(db) {
    db.exec(`
      CREATE TABLE court_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        set_up_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
