import type { Migration } from './registry.js';

/** The court's protective-measures order for one witness; later issues configure the session from it. */
export const createProtectiveOrders: Migration = {
  version: 5,
  name: '0005-create-protective-orders',
  up(db) {
    db.exec(`
      CREATE TABLE protective_orders (
        witness_id INTEGER PRIMARY KEY REFERENCES witnesses(id) ON DELETE CASCADE,
        voice_preset TEXT CHECK (voice_preset IN ('light', 'standard', 'strong')),
        face_style TEXT CHECK (face_style IN ('solid', 'pixelate', 'blur')),
        pseudonym INTEGER NOT NULL CHECK (pseudonym IN (0, 1)),
        closed_session INTEGER NOT NULL CHECK (closed_session IN (0, 1)),
        screened_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(screened_roles)),
        screened_participant_ids TEXT NOT NULL DEFAULT '[]'
          CHECK (json_valid(screened_participant_ids)),
        support_person TEXT,
        public_feed_delay_minutes INTEGER CHECK (public_feed_delay_minutes BETWEEN 0 AND 240),
        order_reference TEXT,
        order_date TEXT
      ) STRICT;
    `);
  },
};
