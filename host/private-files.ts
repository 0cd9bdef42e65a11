/**
 * Everything the host writes (records and their WAL, backups, recordings, exports, keys) is for this
 * user's account only: 0600 files, 0700 folders. The umask covers what the host and its ffmpeg
 * children create; makePrivate fixes files an earlier version left readable to others.
 */
import { chmodSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** From now on this process (and the children it starts) creates files and folders private. */
export function restrictNewFileModes(): void {
  process.umask(0o077);
}

/** Sets a private mode where the file or folder exists; does nothing where it does not. */
export function makePrivate(path: string, mode = PRIVATE_FILE_MODE): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
