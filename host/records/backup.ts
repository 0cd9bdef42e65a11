import { coded } from '../../contract/errors/codes.js';
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
      coded('backup.write-failed', { destination, detail: (error as Error).message }),
    );
  }
  makePrivate(destination);
  const copy = new Database(destination, driverOptions());
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new UserFacingError(coded('backup.integrity'));
  } finally {
    copy.close();
  }
}
