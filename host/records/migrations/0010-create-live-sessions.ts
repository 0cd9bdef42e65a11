import type { Migration } from './registry.js';

/**
 * The live state of a hearing in session, written as it changes so that a host restarted after a
 * crash resumes it: the judge's switches, each seat's admission and mute, and the per-hearing voice
 * seed, sealed (AES-256-GCM) under the host's local session key, never stored in the clear.
 */
export const createLiveSessions: Migration = {
  version: 10,
  name: '0010-create-live-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE live_sessions (
        hearing_id INTEGER PRIMARY KEY REFERENCES hearings(id) ON DELETE CASCADE,
        voice_seed_sealed BLOB NOT NULL,
        screening INTEGER NOT NULL CHECK (screening IN (0, 1)),
        closed_session INTEGER NOT NULL CHECK (closed_session IN (0, 1)),
        witness_video_paused INTEGER NOT NULL CHECK (witness_video_paused IN (0, 1)),
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE live_seats (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'admitted')),
        muted INTEGER NOT NULL CHECK (muted IN (0, 1)),
        removed INTEGER NOT NULL CHECK (removed IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX live_seats_by_hearing ON live_seats(hearing_id);
    `);
  },
};
