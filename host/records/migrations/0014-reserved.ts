import type { Migration } from './registry.js';

/**
 * Holds number 14 on branch voice-key only: the order styles' migration (branch face-rule) takes this
 * number when the branches meet, and this file is then deleted.
 */
export const reserved14: Migration = {
  version: 14,
  name: '0014-reserved',
  up() {},
};
