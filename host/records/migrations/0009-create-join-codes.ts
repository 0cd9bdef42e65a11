import type { Migration } from './registry.js';

/**
 * Join codes for the court session (stored as SHA-256 of the code, never the code), the link from a
 * hearing's witness participant to the registered witness whose protective order governs the
 * session, and whether a screened participant may still hear the anonymised voice.
 */
export const createJoinCodes: Migration = {
  version: 9,
  name: '0009-create-join-codes',
  up(db) {
    db.exec(`
      CREATE TABLE join_codes (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        claimed_at TEXT,
        seat_hash TEXT CHECK (seat_hash IS NULL OR length(seat_hash) = 64)
      ) STRICT;
      CREATE INDEX join_codes_by_hearing ON join_codes(hearing_id);
      CREATE INDEX join_codes_by_participant ON join_codes(participant_id);

      CREATE TABLE hearing_witnesses (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        witness_id INTEGER NOT NULL REFERENCES witnesses(id) ON DELETE RESTRICT
      ) STRICT;

      ALTER TABLE protective_orders
        ADD COLUMN screened_hear_voice INTEGER NOT NULL DEFAULT 1 CHECK (screened_hear_voice IN (0, 1));
    `);
  },
};
