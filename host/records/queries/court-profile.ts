import type { ReadableDB, WritableDB } from '../db-types.js';

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
