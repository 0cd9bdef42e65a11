import type { Migration } from './registry.js';

/**
 * A hearing's life cycle and a varied protective order.
 *
 * `hearings.status` has a CHECK that cannot be widened in place, and rebuilding the table would
 * cascade-delete every participant, code and live state that refers to it; so the status moves to
 * a new column, `lifecycle_status`, with the wider CHECK (the old column is no longer read), and
 * `status_reason` keeps why it was last postponed or cancelled.
 *
 * `protective_order_versions` keeps every version of each witness's order (version 1 as
 * registered); `protective_orders` stays the current one, always the latest version's copy.
 */
export const hearingLifecycleAndOrderVersions: Migration = {
  version: 20,
  name: '0020-hearing-lifecycle-and-order-versions',
  up(db) {
    db.exec(`
      ALTER TABLE hearings ADD COLUMN lifecycle_status TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (lifecycle_status IN ('scheduled', 'postponed', 'in-session', 'adjourned', 'closed',
          'cancelled', 'completed'));
      ALTER TABLE hearings ADD COLUMN status_reason TEXT
        CHECK (status_reason IS NULL OR length(status_reason) BETWEEN 1 AND 500);
      UPDATE hearings SET lifecycle_status = status;

      CREATE TABLE protective_order_versions (
        witness_id INTEGER NOT NULL REFERENCES witnesses(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
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
        screened_hear_voice INTEGER NOT NULL DEFAULT 1 CHECK (screened_hear_voice IN (0, 1)),
        made_by TEXT NOT NULL,
        made_at TEXT NOT NULL,
        PRIMARY KEY (witness_id, version)
      ) STRICT;

      INSERT INTO protective_order_versions (witness_id, version, voice_preset, face_style,
          pseudonym, closed_session, screened_roles, screened_participant_ids, support_person,
          public_feed_delay_minutes, order_reference, order_date, screened_hear_voice, made_by,
          made_at)
        SELECT o.witness_id, 1, o.voice_preset, o.face_style, o.pseudonym, o.closed_session,
          o.screened_roles, o.screened_participant_ids, o.support_person,
          o.public_feed_delay_minutes, o.order_reference, o.order_date, o.screened_hear_voice,
          'registration', w.created_at
        FROM protective_orders o JOIN witnesses w ON w.id = o.witness_id;
    `);
  },
};
