/**
 * A throw-away records database for tests, benches and fuzzing: a temporary folder, the court
 * passphrase set (with a cheap scrypt cost), and cases with one hearing each.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WritableDB } from '../../host/records/db-types.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { insertCase } from '../../host/records/queries/cases.js';
import { insertHearing } from '../../host/records/queries/hearings.js';
import { initialiseRecords } from '../../host/records/unlock.js';

export const FIXTURE_PASSPHRASE = 'court passphrase';

export type FixtureRecords = {
  dir: string;
  dbPath: string;
  db: WritableDB;
  key: Awaited<ReturnType<typeof initialiseRecords>>;
};

export async function newRecordsDatabase(prefix: string): Promise<FixtureRecords> {
  // Throw-away databases for tests and benches: a test build's cheap key (host/records/crypto/scrypt.ts).
  process.env.NODE_ENV ??= 'test';
  process.env.INCAMERA_SCRYPT_COST ??= '10';
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, 'records.db');
  const db = openRecordsDatabase(dbPath);
  const key = await initialiseRecords(db, dbPath, FIXTURE_PASSPHRASE, {
    name: 'setup',
    role: 'administrator',
  });
  return { dir, dbPath, db, key };
}

/** A trafficking case with one hearing at 10:00 on 2026-11-28. */
export function addCaseWithHearing(
  db: WritableDB,
  place: { caseNumber: string; courtroom: string; court?: string },
): { caseId: number; hearingId: number } {
  const caseId = insertCase(db, {
    number: place.caseNumber,
    court: place.court ?? 'Court',
    offenceCategory: 'trafficking-in-persons',
  }).id;
  const hearingId = insertHearing(db, {
    caseId,
    scheduledAt: '2026-11-28T10:00',
    courtroom: place.courtroom,
  }).id;
  return { caseId, hearingId };
}
