import { chmodSync, closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

/** Written to a new file with its final mode, then renamed: never a readable half-written secret. */
export function writePrivateFile(path: string, data: string | Buffer, mode = 0o600): void {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** A secret file someone loosened (copied, restored from a backup) is tightened to 0600 again. */
export function keepPrivate(path: string): void {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
}
