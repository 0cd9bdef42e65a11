import type { Migration } from './registry.js';

/** Each operator's UI language (en, ru, ky), applied when they sign in; NULL until they choose. */
export const addOperatorLanguage: Migration = {
  version: 13,
  name: '0013-add-operator-language',
  up(db) {
    db.exec(`
      ALTER TABLE operators
        ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'ru', 'ky'));
    `);
  },
};
