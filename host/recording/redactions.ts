/** Redaction marks: stored per hearing as wall-clock ranges, each one audited. */
import { appendAudit } from '../records/audit.js';
import type { ReadableDB, WritableDB } from '../records/db-types.js';

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
         FROM redactions WHERE hearing_id = ? ORDER BY from_at, id`,
    )
    .all(hearingId) as Redaction[];
}

export function markRedaction(
  db: WritableDB,
  mark: { hearingId: number; from: Date; to: Date; reason: string; judge: string; now?: Date },
): number {
  const markedAt = (mark.now ?? new Date()).toISOString();
  return db
    .transaction(() => {
      const id = Number(
        db
          .prepare(
            `INSERT INTO redactions (hearing_id, from_at, to_at, reason, marked_by, marked_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            mark.hearingId,
            mark.from.toISOString(),
            mark.to.toISOString(),
            mark.reason,
            mark.judge,
            markedAt,
          ).lastInsertRowid,
      );
      appendAudit(db, {
        actor: mark.judge,
        actorRole: 'judge',
        action: 'recording.redaction-marked',
        subjectType: 'hearing',
        subjectId: mark.hearingId,
        detail: {
          redactionId: id,
          from: mark.from.toISOString(),
          to: mark.to.toISOString(),
          reason: mark.reason,
          at: markedAt,
        },
      });
      return id;
    })
    .immediate();
}
