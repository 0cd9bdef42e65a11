/** Redaction marks: wall-clock ranges of a hearing's record, hidden in the public copy. */
import type { ReadableDB, WritableDB } from '../db-types.js';

export type Redaction = {
  id: number;
  hearingId: number;
  fromAt: string;
  toAt: string;
  reason: string;
  markedBy: string;
  markedAt: string;
};

export function listRedactions(db: ReadableDB, hearingId: number): Redaction[] {
  return db
    .prepare(
      `SELECT id, hearing_id AS hearingId, from_at AS fromAt, to_at AS toAt, reason,
              marked_by AS markedBy, marked_at AS markedAt
         FROM redactions WHERE hearing_id = @hearingId ORDER BY from_at, id`,
    )
    .all({ hearingId }) as Redaction[];
}

export function insertRedaction(db: WritableDB, mark: Omit<Redaction, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO redactions (hearing_id, from_at, to_at, reason, marked_by, marked_at)
         VALUES (@hearingId, @fromAt, @toAt, @reason, @markedBy, @markedAt)`,
      )
      .run(mark).lastInsertRowid,
  );
}
