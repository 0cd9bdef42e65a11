import type { operatorRoles } from '../../../contract/records/schemas.js';
import type { ReadableDB, WritableDB } from '../db-types.js';

export type OperatorRole = (typeof operatorRoles)[number];
export type OperatorRow = {
  id: number;
  name: string;
  role: OperatorRole;
  passphraseHash: string;
  failedAttempts: number;
  lastFailedAt: number | null;
};

export function insertOperator(
  db: WritableDB,
  input: { name: string; role: OperatorRole; passphraseHash: string },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO operators (name, role, passphrase_hash, created_at)
       VALUES (@name, @role, @passphraseHash, @createdAt)`,
    )
    .run({
      name: input.name,
      role: input.role,
      passphraseHash: input.passphraseHash,
      createdAt: new Date().toISOString(),
    });
  return Number(lastInsertRowid);
}

export function findOperator(db: ReadableDB, name: string): OperatorRow | undefined {
  return db
    .prepare(
      `SELECT id, name, role, passphrase_hash AS passphraseHash, failed_attempts AS failedAttempts,
              last_failed_at AS lastFailedAt FROM operators WHERE name = @name`,
    )
    .get({ name }) as OperatorRow | undefined;
}

export function findOperatorById(db: ReadableDB, id: number): OperatorRow | undefined {
  return db
    .prepare(
      `SELECT id, name, role, passphrase_hash AS passphraseHash, failed_attempts AS failedAttempts,
              last_failed_at AS lastFailedAt FROM operators WHERE id = @id`,
    )
    .get({ id }) as OperatorRow | undefined;
}

/** Any operator's stored hash: its cost is the work a real check does. */
export function anyPassphraseHash(db: ReadableDB): string | undefined {
  const row = db.prepare(`SELECT passphrase_hash AS hash FROM operators LIMIT 1`).get() as
    { hash: string } | undefined;
  return row?.hash;
}

export function countOperators(db: ReadableDB): number {
  return (db.prepare(`SELECT count(*) AS n FROM operators`).get() as { n: number }).n;
}

export function recordOperatorFailure(db: WritableDB, id: number): void {
  db.prepare(
    `UPDATE operators SET failed_attempts = failed_attempts + 1, last_failed_at = @at WHERE id = @id`,
  ).run({ at: Date.now(), id });
}

export function clearOperatorFailures(db: WritableDB, id: number): void {
  db.prepare(`UPDATE operators SET failed_attempts = 0, last_failed_at = NULL WHERE id = @id`).run({
    id,
  });
}

export function replacePassphraseHash(db: WritableDB, id: number, passphraseHash: string): void {
  db.prepare(`UPDATE operators SET passphrase_hash = @passphraseHash WHERE id = @id`).run({
    passphraseHash,
    id,
  });
}
