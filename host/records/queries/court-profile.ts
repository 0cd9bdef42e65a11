import type { ReadableDB, WritableDB } from '../db-types.js';
import { machineTimeZone } from '../../../contract/records/time-zone.js';
import type { OperatorRole } from './operators.js';

/** Records set up by the CLI have no name or set-up time; the zone is null until one is chosen. */
export type CourtProfile = { name: string | null; setUpAt: string | null; timeZone: string | null };

export function insertCourtProfile(
  db: WritableDB,
  profile: { name: string; setUpAt: string; timeZone: string | null },
): void {
  db.prepare(
    `INSERT INTO court_profile (id, name, set_up_at, time_zone)
     VALUES (1, @name, @setUpAt, @timeZone)`,
  ).run(profile);
}

export function readCourtProfile(db: ReadableDB): CourtProfile | undefined {
  return db
    .prepare(
      `SELECT name, set_up_at AS setUpAt, time_zone AS timeZone FROM court_profile WHERE id = 1`,
    )
    .get() as CourtProfile | undefined;
}

/** The court's time zone as stored (null: none chosen, so this machine's zone applies). */
export function readCourtTimeZone(db: ReadableDB): string | null {
  return readCourtProfile(db)?.timeZone ?? null;
}

/** The court's time zone: this machine's where none was chosen. */
export function courtTimeZoneOf(db: ReadableDB): string {
  return readCourtTimeZone(db) ?? machineTimeZone();
}

export function setCourtTimeZone(db: WritableDB, timeZone: string): void {
  db.prepare(
    `INSERT INTO court_profile (id, time_zone) VALUES (1, @timeZone)
     ON CONFLICT (id) DO UPDATE SET time_zone = @timeZone`,
  ).run({ timeZone });
}

/** Whether anything of a court is here already: a key, an operator or a case. */
export function recordsInUse(db: ReadableDB): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM keyring) OR EXISTS (SELECT 1 FROM operators)
           OR EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM court_profile) AS used`,
    )
    .get() as { used: number };
  return row.used === 1;
}

/** Everyone who may sign in, in the order they were added. */
export function listOperatorNames(db: ReadableDB): Array<{ name: string; role: OperatorRole }> {
  return db.prepare(`SELECT name, role FROM operators ORDER BY id`).all() as Array<{
    name: string;
    role: OperatorRole;
  }>;
}

/** When the court key was made (a CLI set-up has no court profile). */
export function keyringCreatedAt(db: ReadableDB): string | undefined {
  const row = db.prepare(`SELECT created_at AS at FROM keyring WHERE id = 1`).get() as
    { at: string } | undefined;
  return row?.at;
}
