import type { Migration } from './registry.js';

/**
 * `hearings.status` was superseded by `lifecycle_status` (0020), which every query reads. Dropping
 * the old column means nothing can read a stale status from it by mistake. (SQLite drops a column
 * whose CHECK names only itself in place: no table rebuild, so no cascade to participants.)
 */
export const dropOldHearingStatus: Migration = {
  version: 22,
  name: '0022-drop-old-hearing-status',
  up(db) {
    db.exec(`ALTER TABLE hearings DROP COLUMN status`);
  },
};
