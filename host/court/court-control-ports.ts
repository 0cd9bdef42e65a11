/** The court session's parts seen through the narrow ports its controls act on. */
import { coded } from '../../contract/errors/codes.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CourtRecording, RecordingSeat } from '../recording/court-recording.js';
import { markRedaction } from '../recording/redactions.js';
import type { WritableDB } from '../records/db-types.js';
import { authenticateOperator } from '../records/operators.js';
import { setHearingStatus } from '../records/queries/hearings.js';
import type { SignInGuard } from '../records/sign-in-guard.js';
import { SignallingFailure, type Room } from '../session/room.js';
import type {
  Audit,
  ControlMedia,
  ControlRecording,
  ControlRecords,
  DismissReason,
  HearingAudit,
} from './court-control-context.js';
import type { Seat } from './court-policy.js';
import type { LiveHearing } from './live-hearing.js';
import type { LiveStateStore } from './live-state.js';

/** Audits under the judge operator signed in on the seat, with the seat's name. */
export function judgeAudit(audit: HearingAudit, judge: Seat, operator: string | undefined): Audit {
  return (action, detail = {}) => {
    if (!operator) throw new Error('A judge control was audited before a judge signed in.');
    audit(action, operator, 'judge', { ...detail, seat: judge.displayName });
  };
}

/** A seat of the hearing that was not removed, or an unknown-id refusal. */
export function seatInHearing(hearing: LiveHearing, peerId: string): Seat {
  const seat = hearing.seats.get(peerId);
  if (!seat || seat.removed)
    throw new SignallingFailure('unknown-id', coded('court.not-in-hearing'));
  return seat;
}

export function controlMedia(
  room: Room,
  hearing: LiveHearing,
  dismiss: (seat: Seat, reason: DismissReason) => void,
): ControlMedia {
  return {
    setProducersPaused(matches, paused) {
      for (const peer of room.peers.values()) {
        const seat = hearing.seats.get(peer.identity.peerId);
        if (!seat) continue;
        for (const producer of peer.producers.values()) {
          if (!matches(seat, producer.kind)) continue;
          if (paused) producer.pause();
          else producer.resume();
        }
      }
    },
    dismiss,
  };
}

export function controlRecords(
  db: WritableDB,
  store: LiveStateStore,
  hearingId: number,
  audit: HearingAudit,
  signInGuard: SignInGuard | undefined,
): ControlRecords {
  return {
    authenticate: (operator, passphrase) =>
      authenticateOperator(db, operator, passphrase, signInGuard),
    audit,
    markRedaction: (mark) => markRedaction(db, { ...mark, hearingId, now: mark.to }),
    endHearing(judgeAudit) {
      db.transaction(() => {
        setHearingStatus(db, hearingId, 'closed');
        judgeAudit('session.ended');
        store.forget(hearingId);
      }).immediate();
    },
  };
}

export function controlRecording(
  recording: CourtRecording | undefined,
  room: Room,
  hearing: LiveHearing,
  seatOf: (peerId: string) => RecordingSeat | undefined,
  log: Logger,
): ControlRecording {
  return {
    available: recording !== undefined,
    async set(on: boolean, audit: Audit) {
      if (!recording) {
        if (on) throw new SignallingFailure('failed', coded('recording.no-records'));
        return;
      }
      if (recording.on === on) return;
      if (!on) {
        const part = await recording.stop();
        if (part)
          audit('recording.stopped', { part: part.part, closedSession: part.closedSession });
        return;
      }
      try {
        const part = await recording.start(hearing.hearingId, hearing.closedSession, room, seatOf);
        audit('recording.started', { part: part.part, closedSession: part.closedSession });
      } catch (error) {
        log.error({ err: error }, 'recording.start-failed');
        throw new SignallingFailure(
          'failed',
          error instanceof UserFacingError ? error.coded : coded('recording.start-failed'),
        );
      }
    },
    async closedSessionChanged(audit: Audit) {
      if (!recording?.on) return;
      const before = recording.active?.currentPart;
      await recording.closedSessionChanged(hearing.closedSession, room, seatOf);
      const after = recording.active?.currentPart;
      if (before)
        audit('recording.stopped', { part: before.part, closedSession: before.closedSession });
      if (after)
        audit('recording.started', { part: after.part, closedSession: after.closedSession });
    },
  };
}
