import type { Migration } from './registry.js';

/**
 * The court's time zone (an IANA name), chosen at first run and changed by a clerk: the zone its
 * hearing times are in and that screens and documents show. NULL means this machine's zone, as
 * before. The table is rebuilt so that records set up by the CLI (no court name) can keep a zone
 * too: the name becomes optional. Nothing refers to court_profile, so the rebuild loses nothing.
 */
export const courtTimeZone: Migration = {
  version: 21,
  name: '0021-court-time-zone',
  up(db) {
    db.exec(`
      CREATE TABLE court_profile_next (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
        set_up_at TEXT,
        time_zone TEXT CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64)
      ) STRICT;
      INSERT INTO court_profile_next (id, name, set_up_at)
        SELECT id, name, set_up_at FROM court_profile;
      DROP TABLE court_profile;
      ALTER TABLE court_profile_next RENAME TO court_profile;
    `);
  },
};
