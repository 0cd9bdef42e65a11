import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../../../bin/incamera.mjs', import.meta.url));
export const COURT_PASSPHRASE = 'the court passphrase';

/** Test-only: cheap scrypt so tests stay fast; the cost is stored with each key. */
export const FAST_SCRYPT = { INCAMERA_SCRYPT_COST: '10' };

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'incamera-records-'));
}

export function incamera(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...FAST_SCRYPT, INCAMERA_PASSPHRASE: COURT_PASSPHRASE, ...env },
  });
}
