import { homedir } from 'node:os';
import { join } from 'node:path';

/** --db, else INCAMERA_DB, else ~/.incamera/records.db. */
export function recordsDatabasePath(fromOption?: string): string {
  return fromOption ?? (process.env.INCAMERA_DB || join(homedir(), '.incamera', 'records.db'));
}
