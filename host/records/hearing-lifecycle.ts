/**
 * A hearing's life cycle as the clerk changes it: postponed to a new date and time, cancelled, or
 * marked completed. Each is checked against the hearing's status, written with its audit entry in
 * one transaction, and refused with a coded error a clerk can act on.
 */
import { coded } from '../../contract/errors/codes.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { auditedBy, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import type { WritableDB } from './db-types.js';
import {
  findHearing,
  rescheduleHearing,
  setHearingStatus,
  type HearingRecord,
} from './queries/hearings.js';

const OVER = new Set(['cancelled', 'completed']);

function hearingOrThrow(db: WritableDB, hearingId: number): HearingRecord {
  const hearing = findHearing(db, hearingId);
  if (!hearing) throw new NotFoundError(coded('hearing.not-found'));
  return hearing;
}

function refuseIfOver(hearing: HearingRecord): void {
  if (OVER.has(hearing.status)) throw new BadRequestError(coded('lifecycle.already-over'));
}

export function postponeHearing(
  db: WritableDB,
  actor: Actor,
  input: { hearingId: number; scheduledAt: string; reason: string },
): { hearingId: number; scheduledAt: string } {
  return db
    .transaction(() => {
      const hearing = hearingOrThrow(db, input.hearingId);
      if (OVER.has(hearing.status) || hearing.status === 'in-session')
        throw new BadRequestError(coded('lifecycle.not-postponable'));
      if (hearing.scheduledAt === input.scheduledAt)
        throw new BadRequestError(coded('lifecycle.same-time'), [
          { path: 'scheduledAt', ...coded('lifecycle.same-time') },
        ]);
      rescheduleHearing(db, input);
      appendAudit(db, {
        ...auditedBy(actor),
        action: 'hearing.postponed',
        subjectType: 'hearing',
        subjectId: input.hearingId,
        detail: { from: hearing.scheduledAt, to: input.scheduledAt, reason: input.reason },
      });
      return { hearingId: input.hearingId, scheduledAt: input.scheduledAt };
    })
    .immediate();
}

/** Cancels or completes the hearing; the caller then ends its live session, if one runs. */
export function closeHearing(
  db: WritableDB,
  actor: Actor,
  input: { hearingId: number; as: 'cancelled' | 'completed'; reason?: string },
): void {
  db.transaction(() => {
    const hearing = hearingOrThrow(db, input.hearingId);
    refuseIfOver(hearing);
    setHearingStatus(db, input.hearingId, input.as, input.reason ?? null);
    appendAudit(db, {
      ...auditedBy(actor),
      action: input.as === 'cancelled' ? 'hearing.cancelled' : 'hearing.completed',
      subjectType: 'hearing',
      subjectId: input.hearingId,
      detail: { from: hearing.status, ...(input.reason ? { reason: input.reason } : {}) },
    });
  }).immediate();
}
