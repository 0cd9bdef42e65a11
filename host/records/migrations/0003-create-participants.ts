import type { Migration } from './registry.js';

export const createParticipants: Migration = {
  version: 3,
  name: '0003-create-participants',
  up(db) {
    db.exec(`
      CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN (
          'judge', 'clerk', 'prosecutor', 'defence-counsel', 'accused', 'witness',
          'interpreter', 'support-person', 'observer')),
        display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX participants_by_hearing ON participants(hearing_id);
    `);
  },
};
