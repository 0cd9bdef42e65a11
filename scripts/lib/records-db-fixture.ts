/**
 * A throw-away records database for tests, benches and fuzzing: a temporary folder, the court
 * passphrase set (with a cheap scrypt cost), cases with one hearing each, and a hearing with its
 * seats and a protected witness registered under an order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { protectiveMeasures } from '../../contract/records/schemas.js';
import type { WritableDB } from '../../host/records/db-types.js';
import { openRecordsDatabase } from '../../host/records/open-database.js';
import { insertCase } from '../../host/records/queries/cases.js';
import {
  insertHearing,
  insertParticipant,
  type ParticipantRole,
} from '../../host/records/queries/hearings.js';
import { initialiseRecords } from '../../host/records/unlock.js';
import { registerWitness } from '../../host/records/witness-records.js';

export const FIXTURE_PASSPHRASE = 'court passphrase';

export type FixtureRecords = {
  dir: string;
  dbPath: string;
  db: WritableDB;
  key: Awaited<ReturnType<typeof initialiseRecords>>;
};

export async function newRecordsDatabase(
  prefix: string,
  passphrase = FIXTURE_PASSPHRASE,
): Promise<FixtureRecords> {
  // Throw-away databases for tests and benches: a test build's cheap key (host/records/crypto/scrypt.ts).
  process.env.NODE_ENV ??= 'test';
  process.env.INCAMERA_SCRYPT_COST ??= '10';
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, 'records.db');
  const db = openRecordsDatabase(dbPath);
  const key = await initialiseRecords(db, dbPath, passphrase, {
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

type WitnessOrder = z.input<typeof protectiveMeasures>;

export type ProtectedHearingFixture<S extends string> = {
  caseId: number;
  hearingId: number;
  /** The participant id of each seat, by the name the caller gave it. */
  seats: Record<S, number>;
  witness: { id: number; pseudonym: string };
};

/**
 * A case with one hearing, its seats added in the order given (`name: [role in the records, display
 * name]`), and a protected witness of the case registered by a clerk under `order` (the schema's
 * defaults fill the rest). Linking the witness to a seat is left to the caller.
 */
export function addProtectedHearing<S extends string>(
  db: WritableDB,
  key: Buffer,
  setup: {
    caseNumber: string;
    courtroom: string;
    court?: string;
    seats: Record<S, readonly [ParticipantRole, string]>;
    identity?: { name: string };
    /** The order, or a function of the seats for one that names them (screened from a person). */
    order: WitnessOrder | ((seats: Record<S, number>) => WitnessOrder);
  },
): ProtectedHearingFixture<S> {
  const { caseId, hearingId } = addCaseWithHearing(db, setup);
  const seats = {} as Record<S, number>;
  for (const [name, [role, displayName]] of Object.entries(setup.seats) as Array<
    [S, readonly [ParticipantRole, string]]
  >)
    seats[name] = insertParticipant(db, { hearingId, role, displayName }).id;
  const witness = registerWitness(
    db,
    key,
    { name: 'Clerk', role: 'clerk' },
    {
      caseId,
      identity: setup.identity ?? { name: 'Gulnara Verysecretova' },
      measures: protectiveMeasures.parse(
        typeof setup.order === 'function' ? setup.order(seats) : setup.order,
      ),
    },
  );
  return { caseId, hearingId, seats, witness };
}
