import type { Migration } from './registry.js';

/**
 * A witness's practice calls before the hearing: the grade per item the host gave, the figures the
 * witness's machine reported and those the host measured itself (JSON), and when. Never the
 * witness's identity: the pseudonym the session uses is all that is kept.
 */
export const createPracticeCalls: Migration = {
  version: 18,
  name: '0018-create-practice-calls',
  up(db) {
    db.exec(`
      CREATE TABLE practice_calls (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        witness TEXT NOT NULL,
        overall TEXT NOT NULL CHECK (overall IN ('pass', 'warn', 'fail')),
        grades TEXT NOT NULL CHECK (json_valid(grades)),
        client_report TEXT NOT NULL CHECK (json_valid(client_report)),
        host_view TEXT NOT NULL CHECK (json_valid(host_view)),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX practice_calls_by_hearing ON practice_calls(hearing_id, id);
    `);
  },
};
