import type { ReadableDB, WritableDB } from '../db-types.js';
import type { OperatorRole } from './operators.js';

export type CourtProfile = { name: string; setUpAt: string };

export function insertCourtProfile(db: WritableDB, profile: CourtProfile): void {
  db.prepare(`INSERT INTO court_profile (id, name, set_up_at) VALUES (1, $name, $setUpAt)`).run(
    profile,
  );
}

export function readCourtProfile(db: ReadableDB): CourtProfile | undefined {
  return db.prepare(`SELECT name, set_up_at AS setUpAt FROM court_profile WHERE id = 1`).get() as
    CourtProfile | undefined;
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
