import type { Migration } from './registry.js';

/**
 * A voice key per witness seat of a hearing in session, replacing the one seed per hearing that every
 * witness seat shared. Each key is sealed (AES-256-GCM) under the host's session key with the
 * hearing, the participant and the linked witness as associated data; it is kept for a restarted
 * host and deleted with the hearing's live state. The seat's key is bound to the witness linked to
 * it, so a seat re-linked to another witness draws a new one. A hearing in session across this
 * upgrade loses its shared seed: each witness seat draws its own key on its next join.
 */
export const createLiveVoiceKeys: Migration = {
  version: 15,
  name: '0015-create-live-voice-keys',
  up(db) {
    db.exec(`
      CREATE TABLE live_voice_keys (
        participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        witness_id INTEGER REFERENCES witnesses(id) ON DELETE CASCADE,
        key_sealed BLOB NOT NULL,
        drawn_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX live_voice_keys_by_hearing ON live_voice_keys(hearing_id);

      ALTER TABLE live_sessions DROP COLUMN voice_seed_sealed;
    `);
  },
};
