import type { Migration } from './registry.js';

export const createHearings: Migration = {
  version: 2,
  name: '0002-create-hearings',
  up(db) {
    db.exec(`
      CREATE TABLE hearings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        scheduled_at TEXT NOT NULL,
        courtroom TEXT NOT NULL CHECK (length(courtroom) BETWEEN 1 AND 100),
        status TEXT NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'in-session', 'adjourned', 'closed')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hearings_by_case ON hearings(case_id);
      CREATE INDEX hearings_by_time ON hearings(scheduled_at);
    `);
  },
};
