import type { Migration } from './registry.js';

/**
 * Two more concealment styles the court may order: 'silhouette' (the whole person a flat shape) and
 * 'no-picture' (testimony excluding visual observation, audio only). face_style's CHECK cannot be
 * altered in place, so the table is rebuilt with the same columns and every row copied.
 */
export const addSilhouetteAndNoPicture: Migration = {
  version: 14,
  name: '0014-add-silhouette-and-no-picture',
  up(db) {
    db.exec(`
      CREATE TABLE protective_orders_next (
        witness_id INTEGER PRIMARY KEY REFERENCES witnesses(id) ON DELETE CASCADE,
        voice_preset TEXT CHECK (voice_preset IN ('light', 'standard', 'strong')),
        face_style TEXT CHECK (
          face_style IN ('solid', 'pixelate', 'blur', 'silhouette', 'no-picture')
        ),
        pseudonym INTEGER NOT NULL CHECK (pseudonym IN (0, 1)),
        closed_session INTEGER NOT NULL CHECK (closed_session IN (0, 1)),
        screened_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(screened_roles)),
        screened_participant_ids TEXT NOT NULL DEFAULT '[]'
          CHECK (json_valid(screened_participant_ids)),
        support_person TEXT,
        public_feed_delay_minutes INTEGER CHECK (public_feed_delay_minutes BETWEEN 0 AND 240),
        order_reference TEXT,
        order_date TEXT,
        screened_hear_voice INTEGER NOT NULL DEFAULT 1 CHECK (screened_hear_voice IN (0, 1))
      ) STRICT;

      INSERT INTO protective_orders_next (witness_id, voice_preset, face_style, pseudonym,
          closed_session, screened_roles, screened_participant_ids, support_person,
          public_feed_delay_minutes, order_reference, order_date, screened_hear_voice)
        SELECT witness_id, voice_preset, face_style, pseudonym, closed_session, screened_roles,
          screened_participant_ids, support_person, public_feed_delay_minutes, order_reference,
          order_date, screened_hear_voice
        FROM protective_orders;

      DROP TABLE protective_orders;
      ALTER TABLE protective_orders_next RENAME TO protective_orders;
    `);
  },
};
