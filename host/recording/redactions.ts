/** Redaction marks: stored per hearing as wall-clock ranges, each one audited. */
import { appendAudit } from '../records/audit.js';
import type { WritableDB } from '../records/db-types.js';
import { insertRedaction } from '../records/queries/redactions.js';

export { listRedactions, type Redaction } from '../records/queries/redactions.js';

export function markRedaction(
  db: WritableDB,
  mark: { hearingId: number; from: Date; to: Date; reason: string; judge: string; now?: Date },
): number {
  const markedAt = (mark.now ?? new Date()).toISOString();
  return db
    .transaction(() => {
      const id = insertRedaction(db, {
        hearingId: mark.hearingId,
        fromAt: mark.from.toISOString(),
        toAt: mark.to.toISOString(),
        reason: mark.reason,
        markedBy: mark.judge,
        markedAt,
      });
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
