import { homedir } from 'node:os';
import { join } from 'node:path';

export const defaultRecordsFolder = () => join(homedir(), '.incamera');

/** --db, else INCAMERA_DB, else ~/.incamera/records.db. */
export function recordsDatabasePath(fromOption?: string): string {
  return fromOption ?? (process.env.INCAMERA_DB || join(defaultRecordsFolder(), 'records.db'));
}
