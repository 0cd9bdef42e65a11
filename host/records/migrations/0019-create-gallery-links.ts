import type { Migration } from './registry.js';

/**
 * Links to a hearing's public gallery, issued by the clerk: only the SHA-256 of each token is kept
 * (the token is shown once, when issued); a revoked link stays listed with when it was revoked.
 */
export const createGalleryLinks: Migration = {
  version: 19,
  name: '0019-create-gallery-links',
  up(db) {
    db.exec(`
      CREATE TABLE gallery_links (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 43),
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX gallery_links_by_hearing ON gallery_links(hearing_id);
    `);
  },
};
