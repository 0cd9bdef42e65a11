import Database from 'better-sqlite3';
import { UserFacingError } from '../errors.js';
import { makePrivate } from '../private-files.js';
import type { ReadableDB } from './db-types.js';
import { driverOptions } from './open-database.js';

/** SQLite's online backup, then checked and turned into one self-contained file (no -wal beside it). */
export async function backupRecords(db: ReadableDB, destination: string): Promise<void> {
  try {
    await db.backup(destination);
  } catch (error) {
    throw new UserFacingError(
      `Could not write the backup to ${destination}: ${(error as Error).message}. Choose a folder you may write to.`,
    );
  }
  makePrivate(destination);
  const copy = new Database(destination, driverOptions());
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new UserFacingError(
        'The backup failed its integrity check; it was not kept. Try again.',
      );
  } finally {
    copy.close();
  }
}
