import { RECORDS_APPLICATION_ID } from '../db-types.js';
import type { Migration } from './registry.js';

export const createCases: Migration = {
  version: 1,
  name: '0001-create-cases',
  up(db) {
    db.pragma(`application_id = ${RECORDS_APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(number) BETWEEN 1 AND 64),
        court TEXT NOT NULL CHECK (length(court) BETWEEN 1 AND 200),
        offence_category TEXT NOT NULL CHECK (offence_category IN (
          'trafficking-in-persons', 'sexual-offence', 'organised-crime',
          'domestic-violence', 'child-abuse', 'other')),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
