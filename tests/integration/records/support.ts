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

export const CLERK = { name: 'Clerk Asel', passphrase: 'clerk passphrase' };
export const JUDGE = { name: 'Judge Bakyt', passphrase: 'judge passphrase' };

/** A clerk and a judge who sign in with their own passphrases (added in-process: no CLI start-up). */
export async function addOperators(path: string): Promise<void> {
  process.env.INCAMERA_SCRYPT_COST = FAST_SCRYPT.INCAMERA_SCRYPT_COST;
  const { openRecordsDatabase } = await import('../../../host/records/open-database.js');
  const { addOperator } = await import('../../../host/records/operators.js');
  const db = openRecordsDatabase(path);
  const admin = { name: 'setup', role: 'administrator' as const };
  await addOperator(db, admin, { ...CLERK, role: 'clerk' });
  await addOperator(db, admin, { ...JUDGE, role: 'judge' });
  db.close();
}

/** A records database with one witness and `reveals` reveals, set up in-process (no CLI start-up cost). */
export async function seededDatabase(reveals: number): Promise<string> {
  process.env.INCAMERA_SCRYPT_COST = FAST_SCRYPT.INCAMERA_SCRYPT_COST;
  const { openRecordsDatabase } = await import('../../../host/records/open-database.js');
  const { initialiseRecords } = await import('../../../host/records/unlock.js');
  const { insertCase } = await import('../../../host/records/queries/cases.js');
  const { registerWitness, revealWitness } =
    await import('../../../host/records/witness-records.js');
  const path = join(tempDir(), 'seeded.db');
  const db = openRecordsDatabase(path);
  const key = await initialiseRecords(db, path, COURT_PASSPHRASE, {
    name: 'setup',
    role: 'administrator',
  });
  const caseId = insertCase(db, { number: 'CR-1', court: 'Court', offenceCategory: 'other' }).id;
  const measures = {
    voicePreset: null,
    faceStyle: null,
    pseudonym: true,
    closedSession: false,
    screenedFromRoles: [],
    screenedFromParticipantIds: [],
    screenedMayHearVoice: true,
    supportPerson: undefined,
    publicFeedDelayMinutes: null,
    orderReference: undefined,
    orderDate: undefined,
  };
  const { id } = registerWitness(
    db,
    key,
    { name: 'clerk', role: 'clerk' },
    { caseId, identity: { name: 'Seeded Witness' }, measures },
  );
  for (let i = 0; i < reveals; i++)
    revealWitness(db, key, { name: 'judge', role: 'judge' }, id, `order ${i}`);
  db.close();
  return path;
}
