/** What the `host` command and `npm start` share: its options, its records folder, its stop signal. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NetworkImpairment } from '../../host/sfu/types.js';
import { makePrivate, PRIVATE_DIR_MODE } from '../../host/private-files.js';
import { defaultRecordsFolder } from '../../host/records/default-path.js';

export type HostCommandOptions = {
  lan?: string;
  announceIp?: string;
  host: string;
  port: number;
  labTokens: boolean;
  sfuImpairment?: NetworkImpairment & { burstMs?: number };
  db?: string;
  training: boolean;
  trainingDb?: string;
};

export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The default location's folder (~/.incamera) may not exist yet on a fresh machine; it is private. */
export function ensureRecordsFolder(path: string): string {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    // Our own folder, perhaps made readable to others by an earlier version.
    if (dirname(path) === defaultRecordsFolder()) makePrivate(dirname(path), PRIVATE_DIR_MODE);
  } catch {
    // A read-only place: opening the database then reports it in words.
  }
  return path;
}
