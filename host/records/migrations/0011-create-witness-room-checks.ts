import type { Migration } from './registry.js';

/**
 * The witness-room pre-flight check, recorded with the hearing before the witness is called: which
 * items were confirmed (JSON object of item -> true/false), optional notes, who and when. A later
 * check of the same hearing is a new row; the newest is the one shown.
 */
export const createWitnessRoomChecks: Migration = {
  version: 11,
  name: '0011-create-witness-room-checks',
  up(db) {
    db.exec(`
      CREATE TABLE witness_room_checks (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        items TEXT NOT NULL CHECK (json_valid(items)),
        all_checked INTEGER NOT NULL CHECK (all_checked IN (0, 1)),
        notes TEXT,
        completed_by TEXT NOT NULL,
        completed_role TEXT NOT NULL,
        completed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX witness_room_checks_by_hearing ON witness_room_checks(hearing_id, id);
    `);
  },
};
